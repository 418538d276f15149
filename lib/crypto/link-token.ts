import { createHash, randomBytes } from "node:crypto";

/**
 * The secret in an emailed link (invitations, account links): 32 random bytes, base64url. Only the
 * sha256 is stored, so a database leak yields no usable link; a plain hash suffices because the token
 * has 256 bits of entropy, which no guesser can search.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a value has the shape newLinkToken makes; anything else names no link and need not be looked up. */
export function isLinkToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}
