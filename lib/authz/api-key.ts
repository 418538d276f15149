import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { hashApiKeySecret, isApiKeySecret } from "@/lib/api-keys/token";
import type { ApiKeyAccess } from "@/generated/prisma/enums";
import { countAttemptSql, rateLimitOutcome, type RateLimitOutcome } from "@/lib/rate-limits/service";
import { MEMBERSHIP_COLUMNS, toWorkspaceContext, type MembershipRow } from "./context";
import { READ_KEYS } from "./permissions";
import type { ApiKeyIdentity, WorkspaceContext } from "./types";

/** Why a presented key signs nobody in; each answers 401, the words say which. */
export type ApiKeyFailure = "missing" | "unknown" | "revoked" | "expired" | "orphaned";

export const API_KEY_FAILURE_MESSAGE: Record<ApiKeyFailure, string> = {
  missing: "Send an API key as a Bearer token in the Authorization header.",
  unknown: "That API key is not valid.",
  revoked: "That API key was revoked.",
  expired: "That API key has expired.",
  orphaned: "That API key's creator is no longer a member of its workspace (or the workspace was deleted), so the key no longer works.",
};

interface KeyRow {
  keyId: string;
  keyName: string;
  prefix: string;
  access: ApiKeyAccess;
  revoked: boolean;
  expired: boolean;
  member: MembershipRow | null;
  /** The request's place in the key's rate-limit window; null when the key signs nobody in (not counted). */
  counted: number | null;
  retryAfter: number | null;
}

export type ApiKeyContext =
  | { ok: true; key: ApiKeyIdentity; member: WorkspaceContext; rateLimit: RateLimitOutcome }
  | { ok: false; failure: ApiKeyFailure };

/**
 * The key behind a Bearer secret and its creator's membership now, in the one statement that also counts
 * the request against the key's rate limit (apiRequestsPerKey, in the database under the bucket row's
 * lock, so exact across instances) and notes when the key was last used. A key acts with its creator's
 * current permissions, capped by its access: demoting the creator shrinks the key, and their leaving the
 * workspace ends it.
 *
 * Only a key that signs someone in is counted and stamped: an unknown, revoked, expired or orphaned one
 * writes nothing. The stamp is written at most once a minute (checked against the row as locked, so
 * concurrent requests do not each rewrite it): a busy key costs one row write a request, its counter.
 */
export async function loadApiKeyContext(authorization: string | null): Promise<ApiKeyContext> {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match) return { ok: false, failure: "missing" };
  const secret = match[1]!;
  if (!isApiKeySecret(secret)) return { ok: false, failure: "unknown" };
  // CTEs referenced twice are computed once; the writes see the row the lookup found, whatever they change.
  const rows = await db().$queryRaw<KeyRow[]>`
    WITH found AS (SELECT * FROM "ApiKey" WHERE "secretHash" = ${hashApiKeySecret(secret)}),
    k AS (
      SELECT found.id, found.name, found.prefix, found.access,
        found."revokedAt" IS NOT NULL AS revoked, COALESCE(found."expiresAt" <= now(), false) AS expired,
        (SELECT row_to_json(member) FROM (
           SELECT ${MEMBERSHIP_COLUMNS}
           FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId" JOIN "User" u ON u.id = m."userId"
           WHERE m."workspaceId" = found."workspaceId" AND m."userId" = found."createdById" AND w."deletedAt" IS NULL) member) AS member
      FROM found
    ),
    usable AS (SELECT id FROM k WHERE NOT k.revoked AND NOT k.expired AND k.member IS NOT NULL),
    counted AS (${countAttemptSql("apiRequestsPerKey", Prisma.sql`SELECT id AS subject FROM usable`)}),
    touched AS (
      UPDATE "ApiKey" a SET "lastUsedAt" = now() FROM usable
      WHERE a.id = usable.id AND (a."lastUsedAt" IS NULL OR a."lastUsedAt" < now() - interval '1 minute')
    )
    SELECT k.id AS "keyId", k.name AS "keyName", k.prefix, k.access::text AS access, k.revoked, k.expired, k.member,
      counted.count AS counted, counted."retryAfter"
    FROM k LEFT JOIN counted ON true`;
  const row = rows[0];
  if (!row) return { ok: false, failure: "unknown" };
  if (row.revoked) return { ok: false, failure: "revoked" };
  if (row.expired) return { ok: false, failure: "expired" };
  if (!row.member || row.counted === null || row.retryAfter === null) return { ok: false, failure: "orphaned" };
  const member = toWorkspaceContext(row.member, row.access === "READ" ? READ_KEYS : undefined);
  return {
    ok: true,
    key: { id: row.keyId, name: row.keyName, prefix: row.prefix, access: row.access },
    member,
    rateLimit: rateLimitOutcome("apiRequestsPerKey", { count: row.counted, retryAfter: row.retryAfter }),
  };
}
