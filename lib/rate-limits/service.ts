import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { Refusal } from "@/lib/errors";

/**
 * The limits, in one table. Counted in the database (RateLimitBucket, one row per key, fixed windows), so
 * they hold across app instances; a window restarts once it has passed, so the rightful owner of an
 * account is never locked out for longer than one window.
 */
export const RATE_LIMITS = {
  /** Wrong passwords on one account (a right one gives its attempt back). */
  signInPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Wrong passwords from one client address, whichever accounts it tries. */
  signInPerAddress: { limit: 50, windowSeconds: 15 * 60, perClientAddress: true },
  signUpPerAddress: { limit: 20, windowSeconds: 60 * 60, perClientAddress: true },
  /** Account mail a person can trigger for an address: verification "Send again", password reset, email change. */
  accountEmailsPerAddress: { limit: 5, windowSeconds: 60 * 60 },
  accountEmailsPerClient: { limit: 20, windowSeconds: 60 * 60, perClientAddress: true },
  /** Wrong two-factor codes (authenticator or recovery) on one account. */
  twoFactorPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  aiTestsPerWorkspace: { limit: 20, windowSeconds: 60 * 60 },
  /** Requests to the public API per key, whatever they ask; answered with RateLimit headers. API_REQUESTS_PER_MINUTE sets another limit. */
  apiRequestsPerKey: { limit: 600, windowSeconds: 60, setBy: "API_REQUESTS_PER_MINUTE" },
  alertTestsPerWorkspace: { limit: 20, windowSeconds: 60 * 60 },
  /** New access requests a member sends (asking again for a pending one is not counted). */
  accessRequestsPerMember: { limit: 10, windowSeconds: 60 * 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * The limit in force. Limits per client address are multiplied by RATE_LIMIT_CLIENT_FACTOR (default 1)
 * where many people share one address: an office behind one NAT, or the browser tests, which all come
 * from 127.0.0.1. Limits per account or workspace never change.
 */
function limitOf(name: RateLimitName): number {
  const spec: { limit: number; perClientAddress?: boolean; setBy?: string } = RATE_LIMITS[name];
  if (spec.setBy && process.env[spec.setBy]) {
    const configured = Number(process.env[spec.setBy]);
    if (Number.isInteger(configured) && configured >= 1) return configured;
  }
  if (!spec.perClientAddress) return spec.limit;
  const factor = Number(process.env.RATE_LIMIT_CLIENT_FACTOR ?? 1);
  return Number.isFinite(factor) && factor >= 1 ? Math.floor(spec.limit * factor) : spec.limit;
}

export interface RateLimitOutcome {
  allowed: boolean;
  limit: number;
  /** Attempts left in this window. */
  remaining: number;
  /** Seconds until the window restarts. */
  retryAfterSeconds: number;
}

/**
 * The upsert that counts one attempt in the bucket of each row of `subjects` (a query of one text column,
 * `subject`, at most 200 characters), as SQL another statement can carry in a CTE: the API key lookup
 * counts its request this way, in the one round trip that authorizes it. The upsert locks the bucket's
 * row, so concurrent attempts from any instance are counted once each. RETURNING count and "retryAfter"
 * (seconds until the window restarts).
 */
export function countAttemptSql(name: RateLimitName, subjects: Prisma.Sql): Prisma.Sql {
  const { windowSeconds } = RATE_LIMITS[name];
  return Prisma.sql`
    INSERT INTO "RateLimitBucket" (key, "windowStart", count)
    SELECT ${`${name}:`} || s.subject, clock_timestamp(), 1 FROM (${subjects}) s
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."windowStart" <= clock_timestamp() - make_interval(secs => ${windowSeconds})
                   THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= clock_timestamp() - make_interval(secs => ${windowSeconds})
                   THEN clock_timestamp() ELSE "RateLimitBucket"."windowStart" END
    RETURNING count,
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - clock_timestamp()))))::int AS "retryAfter"`;
}

/** What one counted attempt (count and "retryAfter" as countAttemptSql returns them) means under `name`'s limit. */
export function rateLimitOutcome(name: RateLimitName, counted: { count: number; retryAfter: number }): RateLimitOutcome {
  const limit = limitOf(name);
  return { allowed: counted.count <= limit, limit, remaining: Math.max(0, limit - counted.count), retryAfterSeconds: counted.retryAfter };
}

/** Counts one attempt against `name` for `subject` and says whether it is within the limit; one statement. */
export async function consumeRateLimit(name: RateLimitName, subject: string, client: Tx = db()): Promise<RateLimitOutcome> {
  const subjects = Prisma.sql`SELECT ${subject.slice(0, 200)}::text AS subject`;
  const rows = await client.$queryRaw<{ count: number; retryAfter: number }[]>(countAttemptSql(name, subjects));
  return rateLimitOutcome(name, rows[0]!);
}

/**
 * Gives back an attempt that turned out to be the rightful one (a successful sign-in), so a person who
 * signs in often never nears the limit, while every guess, parallel ones included, was counted when made.
 */
export async function refundRateLimit(name: RateLimitName, subject: string, client: Tx = db()): Promise<void> {
  await client.$executeRaw`UPDATE "RateLimitBucket" SET count = GREATEST(count - 1, 0) WHERE key = ${`${name}:${subject.slice(0, 200)}`}`;
}

/** The words a refused person reads; the minutes are rounded up so "in 0 minutes" never shows. */
export function tooManyAttempts(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Counts an attempt and refuses it (LIMIT, with Retry-After for routes) when over the limit. */
export async function enforceRateLimit(name: RateLimitName, subject: string, client: Tx = db()): Promise<void> {
  const outcome = await consumeRateLimit(name, subject, client);
  if (!outcome.allowed) throw new Refusal("LIMIT", tooManyAttempts(outcome.retryAfterSeconds)).retryAfter(outcome.retryAfterSeconds);
}
