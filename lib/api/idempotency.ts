import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { Prisma } from "@/generated/prisma/client";

/** How long a stored response answers retries with the same Idempotency-Key. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

/** A key is what a client generates (a UUID, typically): printable ASCII, at most 255 characters. */
export function readIdempotencyKey(value: string | null): string | null {
  if (value === null) return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new Refusal("INVALID", "The Idempotency-Key header must be 1 to 255 printable ASCII characters (a UUID, say).");
  }
  return value;
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(JSON.stringify([method, path, body ?? null])).digest("hex");
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Claims (key, Idempotency-Key) inside the transaction that makes the change. A concurrent request with
 * the same key waits on the unique index until this one commits or rolls back, then replays its stored
 * response; a refusal rolls the claim back with everything else, so a retry runs afresh.
 * Returns the earlier response to replay, or null when this request is the first.
 */
export async function claimIdempotencyKey(tx: Tx, apiKeyId: string, key: string, fingerprint: string): Promise<StoredResponse | null> {
  await tx.$executeRaw`
    DELETE FROM "IdempotentRequest" WHERE "apiKeyId" = ${apiKeyId} AND key = ${key}
      AND "createdAt" < now() - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS})`;
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "IdempotentRequest" (id, "apiKeyId", key, fingerprint, status, "responseBody")
    VALUES (gen_random_uuid()::text, ${apiKeyId}, ${key}, ${fingerprint}, 0, 'null'::jsonb)
    ON CONFLICT ("apiKeyId", key) DO NOTHING RETURNING id`;
  if (claimed.length > 0) return null;
  const earlier = await tx.idempotentRequest.findUniqueOrThrow({ where: { apiKeyId_key: { apiKeyId, key } } });
  if (earlier.fingerprint !== fingerprint) {
    throw new Refusal("UNPROCESSABLE", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
  }
  return { status: earlier.status, body: earlier.responseBody };
}

export async function storeIdempotentResponse(tx: Tx, apiKeyId: string, key: string, response: StoredResponse): Promise<void> {
  await tx.idempotentRequest.update({
    where: { apiKeyId_key: { apiKeyId, key } },
    data: { status: response.status, responseBody: response.body == null ? Prisma.JsonNull : (response.body as Prisma.InputJsonValue) },
  });
}
