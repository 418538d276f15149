import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";

/** The queue tables; each has status PENDING/SENDING, nextAttemptAt, lockedUntil and attempts. */
export type QueueTable = "Delivery" | "OutboundEmail";

/**
 * Takes up to `limit` due rows of a queue with a lease. FOR UPDATE SKIP LOCKED lets several workers
 * (several app instances) claim at once without ever taking the same row; a lease that runs out (its
 * worker died mid-send) makes the row due again. Works the same on PostgreSQL and on the embedded PGlite.
 */
export function claimWithLease<T>(table: QueueTable, returning: Prisma.Sql, limit: number, leaseMs: number): Promise<T[]> {
  const lease = new Date(Date.now() + leaseMs);
  const name = Prisma.raw(`"${table}"`);
  return db().$queryRaw<T[]>`
    UPDATE ${name} SET status = 'SENDING', "lockedUntil" = ${lease}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM ${name}
      WHERE (status = 'PENDING' AND "nextAttemptAt" <= now()) OR (status = 'SENDING' AND "lockedUntil" < now())
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING ${returning}`;
}
