import { createHash, randomBytes } from "node:crypto";

/**
 * An API key's secret: "wsk_" and 40 characters of base64url (240 random bits). The first 12 characters
 * are its prefix, stored in the clear so a list and a log can name the key; only the sha256 of the whole
 * secret is stored, which suffices because no guesser can search 240 bits.
 */
export const API_KEY_MARK = "wsk_";
const PREFIX_LENGTH = 12;
const SHAPE = /^wsk_[A-Za-z0-9_-]{40}$/;

export function newApiKeySecret(): { secret: string; prefix: string; secretHash: string } {
  const secret = API_KEY_MARK + randomBytes(30).toString("base64url");
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), secretHash: hashApiKeySecret(secret) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Whether a value has the shape newApiKeySecret makes; anything else names no key and is not looked up. */
export function isApiKeySecret(value: unknown): value is string {
  return typeof value === "string" && SHAPE.test(value);
}
