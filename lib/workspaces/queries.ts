import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { Role, WorkspaceKind, WorkspaceStage } from "@/generated/prisma/enums";
import type { WorkspaceContext } from "@/lib/authz/types";
import { cappedCountSql } from "@/lib/api/pagination";
import { resourceCountsSql } from "@/lib/resources/queries";
import { Prisma } from "@/generated/prisma/client";
import { containsPattern } from "@/lib/db/like-pattern";

export interface WorkspaceListItem {
  id: string;
  name: string;
  slug: string;
  logoType: string | null;
  logoUpdatedAt: Date | null;
  kind: WorkspaceKind;
  stage: WorkspaceStage | null;
  role: Role;
  isDefault: boolean;
  /** The workspace requires 2FA and the user has none: it is listed, but nothing in it opens for them yet. */
  needsTwoFactor: boolean;
}

/**
 * Every workspace the user belongs to with their role: personal first, then by name. One round trip.
 * Deleted workspaces are left out (the owner finds theirs under "Recently deleted" on /workspace/select).
 */
export async function listWorkspacesForUser(userId: string): Promise<WorkspaceListItem[]> {
  const rows = await db().$queryRaw<(Omit<WorkspaceListItem, "logoUpdatedAt"> & { logoUpdatedAt: Date | string | null })[]>`
    SELECT w.id, w.name, w.slug, w.kind::text AS kind, w.stage::text AS stage, w."logoType", w."logoUpdatedAt",
      m.role::text AS role, (u."defaultWorkspaceId" = w.id) AS "isDefault",
      (w."requireTwoFactor" AND u."totpEnabledAt" IS NULL) AS "needsTwoFactor"
    FROM "Membership" m
    JOIN "Workspace" w ON w.id = m."workspaceId"
    JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = ${userId} AND w."deletedAt" IS NULL
    ORDER BY (w.kind = 'PERSONAL') DESC, w.name ASC`;
  return rows.map((r) => ({
    ...r,
    isDefault: Boolean(r.isDefault),
    needsTwoFactor: Boolean(r.needsTwoFactor),
    logoUpdatedAt: r.logoUpdatedAt ? new Date(r.logoUpdatedAt) : null,
  }));
}

/**
 * Where a signed-in user lands: their default workspace while they still belong to it, else their
 * personal one, else any workspace they belong to (null only for an account with none). A deleted
 * workspace is as good as gone here.
 */
export async function landingWorkspaceSlug(userId: string): Promise<string | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      defaultWorkspaceId: true,
      personalWorkspace: { select: { slug: true } },
      memberships: { where: { workspace: { deletedAt: null } }, select: { workspace: { select: { id: true, slug: true } } }, take: 1000 },
    },
  });
  if (!user) return null;
  const byId = new Map(user.memberships.map((m) => [m.workspace.id, m.workspace.slug]));
  if (user.defaultWorkspaceId && byId.has(user.defaultWorkspaceId)) return byId.get(user.defaultWorkspaceId)!;
  return user.personalWorkspace?.slug ?? user.memberships[0]?.workspace.slug ?? null;
}

/**
 * The overview's numbers in one statement. Recent activity is the audit log's head, so it is read only
 * for members who may read the audit log (null for everyone else, who never receive the events). Every
 * count stops at COUNT_CAP + 1, like the lists' totals: the members of each role off the (workspaceId,
 * role) index and the resources the caller may see, so a workspace of 100,000 members costs what one of
 * 1,000 does, and the page says "1,000+".
 */
export async function workspaceOverview(ctx: WorkspaceContext) {
  const workspaceId = ctx.workspace.id;
  const mayReadAudit = ctx.can("audit.read");
  const [row] = await db().$queryRaw<
    {
      membersByRole: Partial<Record<Role, number>> | null;
      recentEvents: { id: string; action: string; createdAt: string; actorName: string | null }[] | null;
      resources: { projects: number; servers: number; instances: number };
    }[]
  >`
    SELECT
      (SELECT json_object_agg(r.role, r.n) FROM (
         SELECT r.role::text AS role,
           ${cappedCountSql(Prisma.sql`FROM "Membership" m WHERE m."workspaceId" = ${workspaceId} AND m.role = r.role`)} AS n
         FROM unnest(enum_range(NULL::"Role")) AS r(role)) r WHERE r.n > 0) AS "membersByRole",
      (SELECT json_agg(x ORDER BY x."createdAt" DESC, x.id DESC) FROM (
         SELECT e.id, e.action, e."createdAt", u.name AS "actorName"
         FROM (SELECT * FROM "AuditEvent" WHERE "workspaceId" = ${workspaceId} AND ${mayReadAudit} ORDER BY "createdAt" DESC, id DESC LIMIT 5) e
         LEFT JOIN "User" u ON u.id = e."actorId") x) AS "recentEvents",
      ${resourceCountsSql(ctx, { capped: true })} AS resources`;
  const membersByRole = row?.membersByRole ?? {};
  const memberCount = Object.values(membersByRole).reduce((sum, n) => sum + (n ?? 0), 0);
  const recentEvents = mayReadAudit ? (row?.recentEvents ?? []).map((e) => ({ ...e, createdAt: new Date(e.createdAt) })) : null;
  return { memberCount, membersByRole, recentEvents, resources: row?.resources ?? { projects: 0, servers: 0, instances: 0 } };
}

export interface RestorableWorkspace {
  id: string;
  name: string;
  slug: string;
  deletedAt: Date;
  purgeAfter: Date;
}

/**
 * The deleted workspaces the user owns that can still be restored (purgeAfter is in the future): the
 * "Recently deleted" list on /workspace/select. Soonest to be purged first.
 */
export async function listRestorableWorkspaces(userId: string, now = new Date()): Promise<RestorableWorkspace[]> {
  const rows = await db().workspace.findMany({
    where: { deletedAt: { not: null }, purgeAfter: { gt: now }, memberships: { some: { userId, role: "OWNER" } } },
    select: { id: true, name: true, slug: true, deletedAt: true, purgeAfter: true },
    orderBy: [{ purgeAfter: "asc" }, { id: "asc" }],
    take: 100,
  });
  return rows.map((w) => ({ ...w, deletedAt: w.deletedAt!, purgeAfter: w.purgeAfter! }));
}

/** What stands in the way of deleting the workspace; empty when nothing does. */
export type DeletionBlocker = { kind: "instances" | "projects" | "servers" | "secrets"; count: number };

export async function deletionBlockers(client: Tx, workspaceId: string): Promise<DeletionBlocker[]> {
  const [projects, servers, instances, secrets] = await Promise.all([
    client.project.count({ where: { workspaceId } }),
    client.server.count({ where: { workspaceId } }),
    client.instance.count({ where: { workspaceId } }),
    client.secret.count({ where: { workspaceId } }),
  ]);
  const counts: DeletionBlocker[] = [
    { kind: "instances", count: instances },
    { kind: "projects", count: projects },
    { kind: "servers", count: servers },
    { kind: "secrets", count: secrets },
  ];
  return counts.filter((blocker) => blocker.count > 0);
}

/** How many workspaces the switcher and the profile menu show before asking for a search. */
export const SWITCHER_LIMIT = 8;

/**
 * The switcher's list: the first `limit` of the user's workspaces whose name or slug contains `q`
 * (personal first, then by name), and how many match in all. Only the user's own memberships are ever
 * read, so a search cannot reveal another workspace. One round trip. The user's memberships are found
 * by their index first and at most a few thousand names are then scanned, so no trigram index is needed.
 */
export async function searchWorkspacesForUser(
  userId: string,
  options: { q?: string; limit?: number } = {},
): Promise<{ workspaces: WorkspaceListItem[]; total: number }> {
  const q = options.q?.trim() ?? "";
  const limit = Math.min(Math.max(options.limit ?? SWITCHER_LIMIT, 1), 50);
  const matches = q ? Prisma.sql`AND (w.name ILIKE ${containsPattern(q)} OR w.slug ILIKE ${containsPattern(q)})` : Prisma.empty;
  const rows = await db().$queryRaw<(Omit<WorkspaceListItem, "logoUpdatedAt"> & { logoUpdatedAt: Date | string | null; total: number })[]>`
    SELECT w.id, w.name, w.slug, w.kind::text AS kind, w.stage::text AS stage, w."logoType", w."logoUpdatedAt",
      m.role::text AS role, (u."defaultWorkspaceId" = w.id) AS "isDefault",
      (w."requireTwoFactor" AND u."totpEnabledAt" IS NULL) AS "needsTwoFactor",
      count(*) OVER ()::int AS total
    FROM "Membership" m
    JOIN "Workspace" w ON w.id = m."workspaceId"
    JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = ${userId} AND w."deletedAt" IS NULL ${matches}
    ORDER BY (w.kind = 'PERSONAL') DESC, w.name ASC, w.id ASC
    LIMIT ${limit}`;
  return {
    total: rows[0]?.total ?? 0,
    workspaces: rows.map(({ total: _total, ...r }) => ({
      ...r,
      isDefault: Boolean(r.isDefault),
      needsTwoFactor: Boolean(r.needsTwoFactor),
      logoUpdatedAt: r.logoUpdatedAt ? new Date(r.logoUpdatedAt) : null,
    })),
  };
}
