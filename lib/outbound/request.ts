import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { assertOutsideTransaction } from "@/lib/db/transaction-scope";
import { classifyAddress } from "./addresses";
import { addressRefusal, checkUrl } from "./policy";

export type OutboundFailure =
  /** The policy refused the URL or an address it resolves to; nothing was sent. */
  | "refused"
  | "timeout"
  | "too_large"
  /** DNS, connection, TLS or protocol errors. */
  | "network";

/** Why a call did not produce a response, as a sentence a person can act on. */
export class OutboundError extends Error {
  constructor(
    readonly failure: OutboundFailure,
    message: string,
    /** The address the connection was made (or attempted) to, once one was chosen. */
    readonly address: string | null = null,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface OutboundInit {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
  /** The whole call: resolving, connecting, the headers and the body. */
  timeoutMs?: number;
  /** The answer's body is read up to this many bytes; past it the call is aborted. */
  maxBodyBytes?: number;
  /** false: settle on the status and headers and drop the connection (a webhook's answer is not read). */
  readBody?: boolean;
  /** How host names are resolved; tests inject one to play DNS rebinding. */
  resolve?: Resolver;
}

export interface OutboundResponse {
  status: number;
  statusText: string;
  ok: boolean;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The address the connection went to: the one that was checked. */
  address: string;
  text(): string;
  /** The body as JSON, or null when it is not. */
  json(): unknown;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/**
 * The one way to call an address a user supplied (alert webhooks, Slack, an AI provider's base URL).
 * The URL passes the policy (lib/outbound/policy.ts), every address its host resolves to must be
 * public (unless an operator allowed the host), and the socket connects to the address that was
 * checked, so a DNS answer that changes between the check and the connection (rebinding) cannot
 * redirect it. A 3xx is returned as it is, never followed; the whole call has one deadline; the body
 * has a cap. Throws OutboundError; resolves with any HTTP status.
 */
export async function outboundRequest(raw: string, init: OutboundInit = {}): Promise<OutboundResponse> {
  // A slow host must not hold a pooled database connection (and with it the app) hostage.
  assertOutsideTransaction("An outbound call");
  const check = checkUrl(raw);
  if (!check.ok) throw new OutboundError("refused", check.reason);
  const { url, hostname, allowedHost } = check;
  const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const timeoutError = (address: string | null = null) => new OutboundError("timeout", `No complete answer within ${formatSeconds(timeoutMs)}`, address);

  const target = await withDeadline(resolveTarget(hostname, allowedHost, init.resolve ?? systemResolver), deadline, timeoutError);
  return send(url, hostname, target, init, deadline, timeoutError);
}

async function resolveTarget(hostname: string, allowedHost: boolean, resolve: Resolver): Promise<ResolvedAddress> {
  const literal = isIP(hostname);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      throw new OutboundError("network", `${hostname} could not be resolved${code ? ` (${code})` : ""}`);
    }
  }
  if (addresses.length === 0) throw new OutboundError("network", `${hostname} could not be resolved`);
  if (!allowedHost) {
    // Every address, not only the one used: a name that also points inside is refused outright.
    for (const { address } of addresses) {
      const verdict = classifyAddress(address);
      if (!verdict.allowed) throw new OutboundError("refused", addressRefusal(hostname, verdict));
    }
  }
  return addresses[0]!;
}

/**
 * Answers the socket's own lookup with the checked address. Node 20's autoSelectFamily asks with
 * `{ all: true }` and wants a list; a plain lookup wants (address, family).
 */
export function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

function send(
  url: URL,
  hostname: string,
  target: ResolvedAddress,
  init: OutboundInit,
  deadline: number,
  timeoutError: (address: string) => OutboundError,
): Promise<OutboundResponse> {
  const maxBodyBytes = init.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const body = init.body === undefined ? undefined : Buffer.from(init.body, "utf8");
  const headers: Record<string, string> = { "user-agent": "workspaces-outbound/1", ...init.headers };
  if (body) headers["content-length"] = String(body.length);
  const transport = url.protocol === "https:" ? https : http;

  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: OutboundError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const request = transport.request({
      protocol: url.protocol,
      // The host name stays the request's host: it is what the Host header, SNI and the certificate
      // check use. Only the address comes from the check, through `lookup`.
      host: hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: init.method ?? "GET",
      headers,
      // A pooled socket would skip `lookup` and might be connected somewhere else already.
      agent: false,
      lookup: pinnedLookup(target),
      ...(url.protocol === "https:" && !isIP(hostname) ? { servername: hostname.replace(/\.$/, "") } : {}),
      maxHeaderSize: 16 * 1024,
    });
    const timer = setTimeout(() => fail(timeoutError(target.address)), Math.max(0, deadline - Date.now()));

    request.on("error", (error: NodeJS.ErrnoException) => {
      // A system error's code (ECONNREFUSED) says it best; a TLS error's message names the problem.
      const detail = error.code && /^E[A-Z]+$/.test(error.code) ? error.code : error.message;
      const where = hostname === target.address ? hostname : `${hostname} (${target.address})`;
      fail(new OutboundError("network", `Connecting to ${where} failed: ${detail}`, target.address));
    });
    request.on("response", (response) => {
      const address = response.socket?.remoteAddress ?? target.address;
      const finish = (chunks: Buffer[]) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const buffer = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? "",
          ok: (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300,
          headers: response.headers,
          body: buffer,
          address,
          text: () => buffer.toString("utf8"),
          json: () => {
            try {
              return JSON.parse(buffer.toString("utf8")) as unknown;
            } catch {
              return null;
            }
          },
        });
      };
      if (init.readBody === false) {
        finish([]);
        request.destroy();
        return;
      }
      const tooLarge = () => new OutboundError("too_large", `The answer was larger than ${formatBytes(maxBodyBytes)}`, address);
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBodyBytes) return fail(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) return fail(tooLarge());
        chunks.push(chunk);
      });
      response.on("end", () => finish(chunks));
      response.on("error", (error) => fail(new OutboundError("network", `The answer from ${hostname} broke off: ${error.message}`, address)));
      response.on("aborted", () => fail(new OutboundError("network", `The answer from ${hostname} broke off`, address)));
    });
    request.end(body);
  });
}

function withDeadline<T>(promise: Promise<T>, deadline: number, timeoutError: () => OutboundError): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
