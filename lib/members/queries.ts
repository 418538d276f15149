import type { WorkspaceContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { containsPattern } from "@/lib/db/like-pattern";
import { Refusal } from "@/lib/errors";
import { pageParam } from "@/lib/schemas";
import { toGrantFields } from "@/lib/teams/schemas";
import { grantOptions } from "@/lib/teams/queries";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";

export const MEMBERS_PAGE_SIZE = 50;

interface MemberRow {
  id: string;
  role: Role;
  createdAt: Date;
  user: { id: string; name: string; email: string; twoFactor: boolean };
  total: number;
}

/**
 * One page of members, searched by name or email, with the total for pagination, in one statement:
 * a page of 50 out of thousands costs one round trip.
 */
export async function listMembers(workspaceId: string, options: { search?: string; page?: number } = {}) {
  const page = pageParam.parse(options.page);
  const search = options.search?.trim().slice(0, 100) ?? "";
  const pattern = containsPattern(search);
  // The total rides along as a subquery, not a window count, so the page itself stops after 50 rows.
  const where = Prisma.sql`m."workspaceId" = ${workspaceId} AND (${search} = '' OR u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`;
  const rows = await db().$queryRaw<MemberRow[]>`
    SELECT m.id, m.role::text AS role, m."createdAt",
      json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'twoFactor', u."totpEnabledAt" IS NOT NULL) AS "user",
      (${countSql(workspaceId, search, where)}) AS total
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE ${where}
    ORDER BY m."createdAt" ASC, m.id ASC
    LIMIT ${MEMBERS_PAGE_SIZE} OFFSET ${(page - 1) * MEMBERS_PAGE_SIZE}`;
  const total = rows[0]?.total ?? (page > 1 ? await countMembers(countSql(workspaceId, search, where)) : 0);
  const members = rows.map(({ total: _total, ...m }) => ({ ...m, createdAt: new Date(m.createdAt) }));
  return { total, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)), members };
}

// Past the last page the window count has no row to ride on; only then is it asked for alone.
async function countMembers(count: Prisma.Sql): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT (${count}) AS n`;
  return row?.n ?? 0;
}

/** Without a search the count needs no user names: an index-only count instead of a join over every member. */
function countSql(workspaceId: string, search: string, where: Prisma.Sql): Prisma.Sql {
  return search
    ? Prisma.sql`SELECT count(*)::int FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE ${where}`
    : Prisma.sql`SELECT count(*)::int FROM "Membership" m WHERE m."workspaceId" = ${workspaceId}`;
}

/**
 * What the permissions modal needs for one member, fetched when it opens rather than sent with every
 * row: the member's grant and the resources the caller may hand out. Admins and owners hold everything
 * already, so there is nothing to edit for them.
 */
export async function memberPermissionChoices(ctx: WorkspaceContext, membershipId: string) {
  const membership = await db().membership.findFirst({
    where: { id: membershipId, workspaceId: ctx.workspace.id },
    select: { role: true, grant: { select: { actions: true, projectIds: true, instanceIds: true, serverIds: true } } },
  });
  if (!membership) throw new Refusal("NOT_FOUND", "That member was not found in this workspace.");
  if (membership.role !== "DEVELOPER" && membership.role !== "VIEWER") {
    throw new Refusal("CONFLICT", "Admins and owners already hold every permission.");
  }
  return { grant: toGrantFields(membership.grant), options: await grantOptions(ctx) };
}
