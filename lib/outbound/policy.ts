import { isIP } from "node:net";
import { classifyAddress, spell, type AddressVerdict } from "./addresses";

/**
 * Which addresses a user may make the server call. By default: https, to public addresses only.
 * OUTBOUND_ALLOWED_HOSTS names the exceptions an operator vouches for (a self-hosted Ollama on
 * localhost:11434, an internal webhook receiver): "host" (any port) or "host:port", comma-separated.
 * For those hosts plain http and private addresses are allowed; nothing else about a call changes.
 */
export const ALLOW_VARIABLE = "OUTBOUND_ALLOWED_HOSTS";

interface AllowedHost {
  host: string;
  port: number | null;
}

let warned = "";

/** Read on every call, so a deployment's setting (and a test's) applies at once. */
export function allowedHosts(): AllowedHost[] {
  const raw = process.env[ALLOW_VARIABLE] ?? "";
  const entries: AllowedHost[] = [];
  const invalid: string[] = [];
  for (const entry of raw.split(",").map((e) => e.trim()).filter(Boolean)) {
    const parsed = parseEntry(entry);
    if (parsed) entries.push(parsed);
    else invalid.push(entry);
  }
  // A typo would silently refuse the host the operator meant to allow; say so once per value.
  if (invalid.length > 0 && warned !== raw) {
    warned = raw;
    console.warn(`[outbound] ${ALLOW_VARIABLE}: ignoring ${invalid.map((e) => JSON.stringify(e)).join(", ")} (expected host or host:port)`);
  }
  return entries;
}

function parseEntry(entry: string): AllowedHost | null {
  // "[::1]:8080", "[::1]", a bare "::1", "host:port" or "host".
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  const [host, port] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : isIP(entry) === 6
      ? [entry, undefined]
      : (/^([^:/\s]+)(?::(\d{1,5}))?$/.exec(entry)?.slice(1) ?? []);
  if (!host) return null;
  const normalized = hostnameOf(isIP(host) === 6 ? `[${host}]` : host);
  const portNumber = port === undefined ? null : Number(port);
  if (!normalized || (portNumber !== null && (portNumber < 1 || portNumber > 65535))) return null;
  return { host: normalized, port: portNumber };
}

/** The URL parser's spelling of a host (lowercase, punycode, IPv4 in dotted decimal), brackets stripped. */
function hostnameOf(host: string): string | null {
  try {
    return bareHostname(new URL(`http://${host}/`));
  } catch {
    return null;
  }
}

/** `new URL("http://[::1]/").hostname` is "[::1]"; DNS and sockets want "::1". */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

export function effectivePort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

export function isAllowedHost(url: URL): boolean {
  const host = bareHostname(url);
  const port = effectivePort(url);
  return allowedHosts().some((a) => a.host === host && (a.port === null || a.port === port));
}

/** Whether plain http can be acceptable for any host here: a form may accept http:// and leave the host to the server. */
export function plainHttpAllowedSomewhere(): boolean {
  return allowedHosts().length > 0;
}

const OPERATOR_HINT = `An operator can allow it with ${ALLOW_VARIABLE}.`;

/** The sentence a refused address gets, for a literal host or for a name that resolved to it. */
export function addressRefusal(host: string, verdict: Extract<AddressVerdict, { allowed: false }>): string {
  const what = isIP(host) ? `${spell(verdict)} is ${verdict.description}` : `${host} resolves to ${spell(verdict)}, ${verdict.description}`;
  return `${what}; only public addresses are allowed. ${OPERATOR_HINT}`;
}

export type UrlCheck = { ok: true; url: URL; hostname: string; allowedHost: boolean } | { ok: false; reason: string };

/**
 * Everything that can be said about a URL without the network: its syntax, its scheme, and, for an
 * IP-literal host, its address. A host name is judged by what it resolves to, when it is called.
 */
export function checkUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Enter a full URL, like https://example.com/path" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "Use an https:// URL" };
  if (url.username || url.password) return { ok: false, reason: "Leave credentials out of the URL" };
  const hostname = bareHostname(url);
  const allowedHost = isAllowedHost(url);
  if (url.protocol === "http:" && !allowedHost) {
    return { ok: false, reason: `Use an https:// URL; plain http is only for hosts an operator lists in ${ALLOW_VARIABLE}.` };
  }
  if (!allowedHost && isIP(hostname)) {
    const verdict = classifyAddress(hostname);
    if (!verdict.allowed) return { ok: false, reason: addressRefusal(hostname, verdict) };
  }
  return { ok: true, url, hostname, allowedHost };
}

/** For a form's URL field: why the URL cannot be saved under this deployment's policy, or null. */
export function outboundUrlProblem(raw: string): string | null {
  const check = checkUrl(raw);
  return check.ok ? null : check.reason;
}
