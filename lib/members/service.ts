import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";

export const MEMBERS_PAGE_SIZE = 50;

interface MemberRow {
  id: string;
  role: Role;
  createdAt: Date;
  user: { id: string; name: string; email: string };
  grant: { actions: string[]; projectIds: string[]; instanceIds: string[]; serverIds: string[] } | null;
  total: number;
}

/**
 * One page of members, searched by name or email, with the total for pagination, in one statement:
 * a page of 50 out of thousands costs one round trip.
 */
export async function listMembers(workspaceId: string, options: { search?: string; page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const search = options.search?.trim().slice(0, 100) ?? "";
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`; // ILIKE wildcards typed by a person match literally
  // The total rides along as a subquery, not a window count, so the page itself stops after 50 rows.
  const where = Prisma.sql`m."workspaceId" = ${workspaceId} AND (${search} = '' OR u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`;
  const rows = await db().$queryRaw<MemberRow[]>`
    SELECT m.id, m.role::text AS role, m."createdAt",
      json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS "user",
      (SELECT json_build_object('actions', g.actions, 'projectIds', g."projectIds", 'instanceIds', g."instanceIds", 'serverIds', g."serverIds")
         FROM "MemberGrant" g WHERE g."membershipId" = m.id) AS "grant",
      (SELECT count(*)::int FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE ${where}) AS total
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE ${where}
    ORDER BY m."createdAt" ASC, m.id ASC
    LIMIT ${MEMBERS_PAGE_SIZE} OFFSET ${(page - 1) * MEMBERS_PAGE_SIZE}`;
  const total = rows[0]?.total ?? (page > 1 ? await countMembers(where) : 0);
  const members = rows.map(({ total: _total, ...m }) => ({ ...m, createdAt: new Date(m.createdAt) }));
  return { total, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)), members };
}

// Past the last page the window count has no row to ride on; only then is it asked for alone.
async function countMembers(where: Prisma.Sql): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE ${where}`;
  return row?.n ?? 0;
}
