import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";

/** Rows tidied per statement: a backlog is worked off a batch at a time, like the other queues. */
const BATCH = 200;

interface Tidied {
  workspaceId: string;
  kind: "direct_grant" | "team_membership" | "member_custom_role" | "team_custom_role" | "access_request";
  targetType: string;
  targetId: string;
  metadata: Prisma.JsonObject;
}

/**
 * Deletes grants whose expiry has passed and notes each in its workspace's audit log ("grant expired").
 * The permissions are already gone (expiry is compared when they are computed); this only keeps the
 * tables and the modal tidy. Each statement deletes and writes the audit rows in one go, and rows are
 * claimed with SKIP LOCKED, so any number of workers tidy side by side without doubling an event.
 * An approved access request stays (it is history) and is noted once, marked by its audit event.
 */
export async function tidyExpiredGrants(now = new Date()): Promise<number> {
  return db().$transaction(async (tx) => {
    // The columns hold UTC without a zone; compare in UTC whatever the session's zone is.
    const at = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
    const rows = await tx.$queryRaw<Tidied[]>`
      WITH direct AS (
        DELETE FROM "MemberGrant" g WHERE g.id IN (
          SELECT id FROM "MemberGrant" WHERE "expiresAt" <= ${at} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING g."membershipId", g.actions
      ), team_members AS (
        DELETE FROM "TeamMember" tm WHERE (tm."teamId", tm."membershipId") IN (
          SELECT "teamId", "membershipId" FROM "TeamMember" WHERE "expiresAt" <= ${at} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING tm."teamId", tm."membershipId"
      ), member_roles AS (
        DELETE FROM "MemberCustomRole" mr WHERE (mr."customRoleId", mr."membershipId") IN (
          SELECT "customRoleId", "membershipId" FROM "MemberCustomRole" WHERE "expiresAt" <= ${at} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING mr."customRoleId", mr."membershipId"
      ), team_roles AS (
        DELETE FROM "TeamCustomRole" tr WHERE (tr."customRoleId", tr."teamId") IN (
          SELECT "customRoleId", "teamId" FROM "TeamCustomRole" WHERE "expiresAt" <= ${at} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING tr."customRoleId", tr."teamId"
      ), requests AS (
        SELECT ar.id, ar."workspaceId", ar."membershipId", ar.permission, ar."resourceKind", ar."resourceId" FROM "AccessRequest" ar
        WHERE ar.status = 'APPROVED' AND ar."expiresAt" <= ${at}
          AND NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."workspaceId" = ar."workspaceId" AND e.action = 'grant.expired'
            AND e."targetType" = 'access_request' AND e."targetId" = ar.id)
        LIMIT ${BATCH} FOR UPDATE OF ar SKIP LOCKED
      )
      SELECT m."workspaceId", 'direct_grant' AS kind, 'membership' AS "targetType", m.id AS "targetId",
          jsonb_build_object('email', u.email, 'actions', d.actions) AS metadata
        FROM direct d JOIN "Membership" m ON m.id = d."membershipId" JOIN "User" u ON u.id = m."userId"
      UNION ALL
      SELECT t."workspaceId", 'team_membership', 'team', t.id, jsonb_build_object('team', t.name, 'email', u.email)
        FROM team_members x JOIN "Team" t ON t.id = x."teamId" JOIN "Membership" m ON m.id = x."membershipId" JOIN "User" u ON u.id = m."userId"
      UNION ALL
      SELECT r."workspaceId", 'member_custom_role', 'membership', m.id, jsonb_build_object('role', r.name, 'customRoleId', r.id, 'email', u.email)
        FROM member_roles x JOIN "CustomRole" r ON r.id = x."customRoleId" JOIN "Membership" m ON m.id = x."membershipId" JOIN "User" u ON u.id = m."userId"
      UNION ALL
      SELECT r."workspaceId", 'team_custom_role', 'team', t.id, jsonb_build_object('role', r.name, 'customRoleId', r.id, 'team', t.name)
        FROM team_roles x JOIN "CustomRole" r ON r.id = x."customRoleId" JOIN "Team" t ON t.id = x."teamId"
      UNION ALL
      SELECT q."workspaceId", 'access_request', 'access_request', q.id,
          jsonb_build_object('email', u.email, 'permission', q.permission, 'resourceKind', q."resourceKind", 'resourceId', q."resourceId")
        FROM requests q JOIN "Membership" m ON m.id = q."membershipId" JOIN "User" u ON u.id = m."userId"`;
    if (rows.length === 0) return 0;
    await tx.auditEvent.createMany({
      data: rows.map((row) => ({
        workspaceId: row.workspaceId,
        actorId: null,
        action: "grant.expired",
        targetType: row.targetType,
        targetId: row.targetId,
        metadata: { kind: row.kind, ...row.metadata },
      })),
    });
    return rows.length;
  });
}

const TIDY_INTERVAL_MS = 60_000;
let nextTidyAt = 0;

/**
 * The worker's pass: tidying finds rows by scanning the expiry columns (no index holds them), so it runs
 * at most once a minute per process while there is nothing to do, not on every two-second tick. Nothing
 * waits on it: a permission already ends at its expiry instant.
 */
export async function tidyExpiredGrantsWhenDue(): Promise<number> {
  if (Date.now() < nextTidyAt) return 0;
  const tidied = await tidyExpiredGrants();
  if (tidied === 0) nextTidyAt = Date.now() + TIDY_INTERVAL_MS;
  return tidied;
}
