import "server-only";
import { db } from "@/lib/db";
import { hashApiKeySecret, isApiKeySecret } from "@/lib/api-keys/token";
import type { ApiKeyAccess } from "@/generated/prisma/enums";
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
}

/**
 * The key behind a Bearer secret and its creator's membership now, in one statement that also notes
 * when the key was last used (at most once a minute, so a busy key does not rewrite its row on every
 * request). A key acts with its creator's current permissions, capped by its access: demoting the
 * creator shrinks the key, and their leaving the workspace ends it.
 */
export async function loadApiKeyContext(
  authorization: string | null,
): Promise<{ ok: true; key: ApiKeyIdentity; member: WorkspaceContext } | { ok: false; failure: ApiKeyFailure }> {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match) return { ok: false, failure: "missing" };
  const secret = match[1]!;
  if (!isApiKeySecret(secret)) return { ok: false, failure: "unknown" };
  const rows = await db().$queryRaw<KeyRow[]>`
    WITH k AS (SELECT * FROM "ApiKey" WHERE "secretHash" = ${hashApiKeySecret(secret)}),
    touched AS (
      UPDATE "ApiKey" a SET "lastUsedAt" = now() FROM k
      WHERE a.id = k.id AND k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > now())
        AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < now() - interval '1 minute')
    )
    SELECT k.id AS "keyId", k.name AS "keyName", k.prefix, k.access::text AS access,
      k."revokedAt" IS NOT NULL AS revoked, COALESCE(k."expiresAt" <= now(), false) AS expired,
      (SELECT row_to_json(member) FROM (
         SELECT ${MEMBERSHIP_COLUMNS}
         FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId" JOIN "User" u ON u.id = m."userId"
         WHERE m."workspaceId" = k."workspaceId" AND m."userId" = k."createdById" AND w."deletedAt" IS NULL) member) AS member
    FROM k`;
  const row = rows[0];
  if (!row) return { ok: false, failure: "unknown" };
  if (row.revoked) return { ok: false, failure: "revoked" };
  if (row.expired) return { ok: false, failure: "expired" };
  if (!row.member) return { ok: false, failure: "orphaned" };
  const member = toWorkspaceContext(row.member, row.access === "READ" ? READ_KEYS : undefined);
  return { ok: true, key: { id: row.keyId, name: row.keyName, prefix: row.prefix, access: row.access }, member };
}
