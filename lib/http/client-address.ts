import ipaddr from "ipaddr.js";

/**
 * The client's address for audit rows and rate limits. `X-Forwarded-For` is read from the right: the
 * server appends the socket's peer itself (lib/http/peer-address.ts), each trusted proxy appends the
 * address it received from, and whatever a client wrote on the left is theirs to invent. With
 * TRUSTED_PROXY_COUNT=N (default 0: the app faces the internet), the client is the entry N places
 * left of the end.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies = trustedProxyCount()): string | null {
  if (!forwardedFor) return null;
  // A header longer than any honest chain is cut before splitting; only its end is ever read.
  const entries = forwardedFor.slice(-2048).split(",").map((entry) => entry.trim());
  const candidate = entries[entries.length - 1 - trustedProxies];
  return candidate ? normalizeAddress(candidate) : null;
}

/** One spelling per address (IPv4-mapped IPv6 as IPv4), or null for anything that is not an address. */
export function normalizeAddress(raw: string): string | null {
  const value = raw.length <= 64 ? raw.replace(/^\[|\]$/g, "") : "";
  if (!ipaddr.isValid(value)) return null;
  return ipaddr.process(value).toString();
}

function trustedProxyCount(): number {
  const value = Number(process.env.TRUSTED_PROXY_COUNT ?? 0);
  return Number.isInteger(value) && value >= 0 && value <= 10 ? value : 0;
}

/** The browser as its User-Agent header says, capped: it is stored with sessions and security events. */
export function clientUserAgent(header: string | null | undefined): string | null {
  return header ? header.slice(0, 300) : null;
}
