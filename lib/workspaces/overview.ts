import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { MEMBERSHIP_COLUMNS, toWorkspaceContext, type MembershipRow } from "@/lib/authz/context";
import { db } from "@/lib/db";
import { containsPattern } from "@/lib/db/like-pattern";
import { resourceCountsSql } from "@/lib/resources/queries";
import type { WorkspaceListItem } from "./queries";

// Apart from queries.ts: it reads memberships the way lib/authz does (their grants give the counts),
// and lib/authz/context is for the server's request path only (scripts import queries.ts).

export const OVERVIEW_PAGE_SIZE = 20;

export interface WorkspaceOverviewItem extends WorkspaceListItem {
  memberCount: number;
  /** What the user may see of it (their allow-lists apply); null where they cannot open it yet (2FA). */
  resources: { projects: number; servers: number; instances: number } | null;
}

/**
 * /workspace/select: one page of the user's workspaces (name or slug containing `q`) with their role,
 * member count and the resource counts they may see, the total, the deleted workspaces they may restore
 * and the account's address state. Two round trips: the memberships with their grants, then the counts
 * filtered by the permissions those grants give (the same rules as each workspace's own overview).
 */
export async function workspacesOverview(userId: string, options: { q?: string; page?: number } = {}) {
  const q = options.q?.trim() ?? "";
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const matches = q ? Prisma.sql`AND (w.name ILIKE ${containsPattern(q)} OR w.slug ILIKE ${containsPattern(q)})` : Prisma.empty;
  const [head] = await db().$queryRaw<
    {
      total: number;
      rows: (MembershipRow & { memberCount: number; isDefault: boolean; needsTwoFactor: boolean; personal: boolean })[] | null;
      deleted: { id: string; name: string; slug: string; deletedAt: string; purgeAfter: string }[] | null;
      account: { email: string; emailVerified: boolean } | null;
    }[]
  >`
    SELECT
      (SELECT count(*)::int FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
        WHERE m."userId" = ${userId} AND w."deletedAt" IS NULL ${matches}) AS total,
      (SELECT json_agg(r ORDER BY r.personal DESC, r."sortName", r."workspaceId") FROM (
        SELECT ${MEMBERSHIP_COLUMNS}, w.name AS "sortName", w.id AS "workspaceId", (w.kind = 'PERSONAL') AS personal,
          (SELECT count(*)::int FROM "Membership" mm WHERE mm."workspaceId" = w.id) AS "memberCount",
          (u."defaultWorkspaceId" IS NOT DISTINCT FROM w.id) AS "isDefault",
          (w."requireTwoFactor" AND u."totpEnabledAt" IS NULL) AS "needsTwoFactor"
        FROM "Membership" m
        JOIN "Workspace" w ON w.id = m."workspaceId"
        JOIN "User" u ON u.id = m."userId"
        WHERE m."userId" = ${userId} AND w."deletedAt" IS NULL ${matches}
        ORDER BY (w.kind = 'PERSONAL') DESC, w.name ASC, w.id ASC
        LIMIT ${OVERVIEW_PAGE_SIZE} OFFSET ${(page - 1) * OVERVIEW_PAGE_SIZE}) r) AS rows,
      (SELECT json_agg(d ORDER BY d."purgeAfter", d.id) FROM (
        SELECT w.id, w.name, w.slug, w."deletedAt", w."purgeAfter" FROM "Workspace" w
        JOIN "Membership" m ON m."workspaceId" = w.id AND m."userId" = ${userId} AND m.role = 'OWNER'
        WHERE w."deletedAt" IS NOT NULL AND w."purgeAfter" > now()
        ORDER BY w."purgeAfter", w.id LIMIT 100) d) AS deleted,
      (SELECT json_build_object('email', u.email, 'emailVerified', u."emailVerifiedAt" IS NOT NULL) FROM "User" u WHERE u.id = ${userId}) AS account`;
  const rows = head?.rows ?? [];
  const contexts = rows.map((row) => ({ row, ctx: row.needsTwoFactor ? null : toWorkspaceContext(row) }));
  const countable = contexts.flatMap(({ ctx }) => (ctx ? [ctx] : []));
  const counts = new Map<string, { projects: number; servers: number; instances: number }>();
  if (countable.length > 0) {
    const counted = await db().$queryRaw<{ workspaceId: string; resources: { projects: number; servers: number; instances: number } }[]>`
      ${Prisma.join(
        countable.map((ctx) => Prisma.sql`SELECT ${ctx.workspace.id} AS "workspaceId", ${resourceCountsSql(ctx)} AS resources`),
        " UNION ALL ",
      )}`;
    for (const c of counted) counts.set(c.workspaceId, c.resources);
  }
  const total = head?.total ?? 0;
  const workspaces: WorkspaceOverviewItem[] = contexts.map(({ row }) => ({
    id: row.workspace.id,
    name: row.workspace.name,
    slug: row.workspace.slug,
    logoType: row.workspace.logoType,
    logoUpdatedAt: row.workspace.logoUpdatedAt ? new Date(row.workspace.logoUpdatedAt) : null,
    kind: row.workspace.kind,
    stage: row.workspace.stage,
    role: row.role,
    isDefault: Boolean(row.isDefault),
    needsTwoFactor: Boolean(row.needsTwoFactor),
    memberCount: row.memberCount,
    resources: counts.get(row.workspace.id) ?? null,
  }));
  return {
    q,
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / OVERVIEW_PAGE_SIZE)),
    workspaces,
    deleted: (head?.deleted ?? []).map((d) => ({ ...d, deletedAt: new Date(d.deletedAt), purgeAfter: new Date(d.purgeAfter) })),
    account: head?.account ?? null,
  };
}
