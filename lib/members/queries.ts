import type { WorkspaceContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { containsPattern } from "@/lib/db/like-pattern";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { cappedCountSql, cutKeysetPage, keysetSql, pagePosition, timeCursor, timeValues } from "@/lib/api/pagination";
import type { PageLink } from "@/lib/schemas";
import { toGrantFields } from "@/lib/teams/schemas";
import { grantOptions } from "@/lib/teams/queries";
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";

export const MEMBERS_PAGE_SIZE = 25;

interface MemberRow {
  id: string;
  role: Role;
  createdAt: Date;
  user: { id: string; name: string; email: string; twoFactor: boolean };
  customRoles: { id: string; name: string; expiresAt: string | null }[];
  total: number;
}

/** A timestamp column as json_build_object writes it (UTC without the zone), as an ISO string. */
const isoOrNull = (text: string | null) => (text === null ? null : new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`).toISOString());

/**
 * One page of members in join order, searched by name or email, with the total, in one statement. The page
 * is read by keyset off the (workspaceId, createdAt, id) index from where the link says (the API's cursor
 * scheme), so page 2,000 costs what page 1 does; a search reads the trigram indexes on User; the total stops
 * counting at COUNT_CAP (the page says "1,000+"). Each row brings the member's live custom roles (the
 * table's chips) in the same statement.
 */
export async function listMembers(workspaceId: string, options: { search?: string; link?: PageLink } = {}) {
  const search = options.search?.trim().slice(0, 100) ?? "";
  const pattern = containsPattern(search);
  const position = pagePosition(options.link ?? {}, 2, timeValues);
  const keyset = keysetSql(position, "asc", ['m."createdAt"', "m.id"]);
  const where = search
    ? Prisma.sql`m."workspaceId" = ${workspaceId} AND (u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`
    : Prisma.sql`m."workspaceId" = ${workspaceId}`;
  // Without a search the count needs no user names: an index-only count instead of a join.
  const counted = search
    ? Prisma.sql`FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE ${where}`
    : Prisma.sql`FROM "Membership" m WHERE ${where}`;
  const rows = await db().$queryRaw<MemberRow[]>`
    SELECT m.id, m.role::text AS role, m."createdAt",
      json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'twoFactor', u."totpEnabledAt" IS NOT NULL) AS "user",
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'name', r.name, 'expiresAt', a."expiresAt") ORDER BY r.name, r.id), '[]'::json)
         FROM "MemberCustomRole" a JOIN "CustomRole" r ON r.id = a."customRoleId"
         WHERE a."membershipId" = m.id AND r."workspaceId" = ${workspaceId} AND (a."expiresAt" IS NULL OR a."expiresAt" > ${new Date()})) AS "customRoles",
      ${cappedCountSql(counted)} AS total
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE ${where} AND ${keyset.where}
    ORDER BY ${keyset.orderBy}
    LIMIT ${MEMBERS_PAGE_SIZE + 1}`;
  // The total rides on the rows; only a page with none (a link to rows since removed) asks for it alone.
  const total = rows[0]?.total ?? (position ? await countMembers(cappedCountSql(counted)) : 0);
  const page = cutKeysetPage(
    rows.map(({ total: _total, ...m }) => ({
      ...m,
      createdAt: new Date(m.createdAt),
      customRoles: m.customRoles.map((role) => ({ ...role, expiresAt: isoOrNull(role.expiresAt) })),
    })),
    MEMBERS_PAGE_SIZE,
    position,
    timeCursor,
  );
  return { total, members: page.rows, previous: page.previous, next: page.next };
}

async function countMembers(count: Prisma.Sql): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT ${count} AS n`;
  return row?.n ?? 0;
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
  if (!membership) throw new Refusal("NOT_FOUND", messageKey("errors.members.memberNotInWorkspace"));
  if (membership.role !== "DEVELOPER" && membership.role !== "VIEWER") {
    throw new Refusal("CONFLICT", messageKey("errors.members.adminsHoldAll"));
  }
  return { grant: toGrantFields(membership.grant), options: await grantOptions(ctx) };
}
