import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-workspaces-signature";
export const TIMESTAMP_HEADER = "x-workspaces-timestamp";
export const DELIVERY_HEADER = "x-workspaces-delivery";

/** HMAC-SHA256 over `${timestamp}.${body}`, hex: the receiver recomputes it with the shared secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** What a receiver does (used by the tests' receiver): constant-time compare, and a freshness window. */
export function verifySignature(secret: string, timestamp: number, body: string, received: string, toleranceSeconds = 300): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(`v1=${signature(secret, timestamp, body)}`);
  const given = Buffer.from(received);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
