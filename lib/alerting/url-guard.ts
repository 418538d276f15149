import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { urlProblem as urlRules } from "./url-rules";

/**
 * Outbound alert URLs are a classic SSRF door: a webhook pointed at 169.254.169.254 or an internal
 * service would make the server fetch it. Only https is accepted, and at send time every address the
 * host resolves to must be public. ALERTS_ALLOW_PRIVATE_TARGETS=true (tests, local use) allows plain
 * http and private addresses.
 */
export function privateTargetsAllowed(): boolean {
  return process.env.ALERTS_ALLOW_PRIVATE_TARGETS === "true";
}

/** A reason the URL is unacceptable as written under this deployment's policy, or null. */
export function urlProblem(raw: string): string | null {
  return urlRules(raw, privateTargetsAllowed());
}

export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  return v6 === "::" || v6 === "::1" || v6.startsWith("fc") || v6.startsWith("fd") || v6.startsWith("fe80") || v6.startsWith("ff");
}

/** Throws with a readable reason unless every address of the URL's host is public (or the flag allows it). */
export async function assertSendable(raw: string): Promise<void> {
  const problem = urlProblem(raw);
  if (problem) throw new Error(problem);
  if (privateTargetsAllowed()) return;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new Error(`Refused: ${host} resolves to a private, loopback or link-local address`);
  }
}
