import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** What a page costs to download: its HTML (with the inline RSC payload) and the JavaScript it loads. */
export interface PageWeight {
  htmlBytes: number;
  htmlGzipBytes: number;
  /** The page's <script src> chunks, each counted once. */
  scripts: number;
  jsBytes: number;
  /** Each chunk compressed on its own, as it travels: gzip at zlib's default level, as the server sends it;
   *  brotli at quality 11, as a CDN or a pre-compressing proxy would. */
  jsGzipBytes: number;
  jsBrotliBytes: number;
}

const gzip = (bytes: Buffer) => gzipSync(bytes).length;
const brotli = (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * The script chunks an HTML page names, as absolute URLs, each once. A `nomodule` script (Next's polyfills,
 * 39 KB gzip) is left out: every browser that runs modules skips it without downloading it.
 */
export function scriptSources(html: string, base: string): string[] {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1]!;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src && !/\bnomodule\b/i.test(attributes)) sources.add(new URL(src.replaceAll("&amp;", "&"), base).toString());
  }
  return [...sources];
}

export async function pageWeight(url: string, headers: Record<string, string>, get: (url: string, init?: RequestInit) => Promise<Response>): Promise<PageWeight> {
  const response = await get(url, { headers, redirect: "manual" });
  const html = Buffer.from(await response.arrayBuffer());
  const sources = scriptSources(html.toString("utf8"), url);
  let jsBytes = 0;
  let jsGzipBytes = 0;
  let jsBrotliBytes = 0;
  for (const source of sources) {
    const js = Buffer.from(await (await get(source)).arrayBuffer());
    jsBytes += js.length;
    jsGzipBytes += gzip(js);
    jsBrotliBytes += brotli(js);
  }
  return { htmlBytes: html.length, htmlGzipBytes: gzip(html), scripts: sources.length, jsBytes, jsGzipBytes, jsBrotliBytes };
}
