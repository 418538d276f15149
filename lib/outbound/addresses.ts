import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Whether the server may connect to one IP address on a user's behalf. Pure: no DNS, no environment.
 *
 * ipaddr.js names the special-purpose ranges (RFC 6890 and successors); only what it calls `unicast`
 * is public. `process` first unwraps IPv4-mapped IPv6 (`::ffff:7f00:1` is 127.0.0.1), so every
 * spelling of a private IPv4 address is judged as that address. One exception ipaddr calls unicast:
 * IPv4-compatible IPv6 (`::a.b.c.d`, deprecated by RFC 4291, yet `[::127.0.0.1]` is what the URL
 * parser makes of such a host), so that whole /96 is refused.
 */
export type AddressVerdict =
  | { allowed: true; address: string }
  | {
      allowed: false;
      address: string;
      /** The IPv4 address an IPv4-mapped one stands for, when it differs from `address`. */
      embedded: string | null;
      range: string;
      /** "a loopback address": fits after "is" or "resolves to 127.0.0.1,". */
      description: string;
    };

const DESCRIPTIONS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address",
  private: "a private address",
  reserved: "a reserved address",
  as112: "an AS112 address",
  as112v6: "an AS112 address",
  amt: "an AMT relay address",
  uniqueLocal: "a unique-local address",
  deprecatedSiteLocal: "a site-local address",
  ipv4Mapped: "an IPv4-mapped address",
  ipv4Compatible: "an IPv4-compatible IPv6 address",
  rfc6145: "an IPv4-translated address",
  rfc6052: "a NAT64 address",
  "6to4": "a 6to4 address",
  teredo: "a Teredo address",
  benchmarking: "a benchmarking address",
  discard: "a discard-only address",
  invalid: "not an IP address",
};

const IPV4_COMPATIBLE: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse("::"), 96];

export function describeRange(range: string): string {
  return DESCRIPTIONS[range] ?? `a special-purpose address (${range})`;
}

export function classifyAddress(raw: string): AddressVerdict {
  const address = canonical(raw);
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    if (address === null) throw new Error("not an IP address");
    parsed = ipaddr.process(address);
  } catch {
    return { allowed: false, address: raw, embedded: null, range: "invalid", description: describeRange("invalid") };
  }
  const embedded = parsed.kind() === "ipv4" && isIP(address) === 6 ? parsed.toString() : null;
  let range: string = parsed.range();
  if (range === "unicast" && parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).match(IPV4_COMPATIBLE)) range = "ipv4Compatible";
  if (range === "unicast") return { allowed: true, address: raw };
  return { allowed: false, address, embedded, range, description: describeRange(range) };
}

/**
 * Dotted-decimal IPv4 as it is, IPv6 in the URL parser's canonical form; anything else (a zone id,
 * "127.1", octal) is no address this module connects to. Canonical first, because ipaddr.js reads
 * the text "::127.0.0.1" as IPv4-mapped (::ffff:127.0.0.1), while a socket, like the URL parser
 * (`::7f00:1`), takes it as IPv4-compatible: with "::8.8.8.8" the two would disagree.
 */
function canonical(address: string): string | null {
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6 || address.includes("%")) return null;
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/** "::ffff:a9fe:a9fe (169.254.169.254)", or the address alone. */
export function spell(verdict: Extract<AddressVerdict, { allowed: false }>): string {
  return verdict.embedded ? `${verdict.address} (${verdict.embedded})` : verdict.address;
}
