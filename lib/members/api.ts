import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { apiRead, apiWrite } from "@/lib/authz/api";
import { ROLES } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { cutPage, pageOf, PageQuery, pastTimeCursorSql, timeCursor } from "@/lib/api/pagination";
import { INVITABLE_ROLES } from "@/lib/invitations/schemas";
import { recordId } from "@/lib/schemas";
import { changeMemberRole, removeMember } from "./service";

export const MemberBody = z
  .object({
    id: z.string().meta({ description: "The membership's id (use it in /members/{membershipId})." }),
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    joinedAt: z.date(),
  })
  .meta({ id: "Member" });

const MemberPath = z.object({ membershipId: recordId() });

const MEMBER_SELECT = { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } } as const;
type MemberRow = { id: string; userId: string; role: (typeof ROLES)[number]; createdAt: Date; user: { name: string; email: string } };
const memberBody = (m: MemberRow) => ({ id: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt });

export const membersApi = [
  apiRead(
    {
      name: "api.members.list",
      path: "/members",
      tag: "Members",
      summary: "List members",
      description: "In the order they joined, oldest first.",
      permission: "members.read",
      query: PageQuery,
      response: pageOf(MemberBody, "MemberPage"),
    },
    async (ctx, { query }) => {
      // One statement (Prisma's nested select read the users in a second one), the page cut off the
      // (workspaceId, createdAt, id) index before its users are joined.
      const rows = await db().$queryRaw<(Omit<MemberRow, "user"> & MemberRow["user"])[]>`
        SELECT m.id, m."userId", m.role::text AS role, m."createdAt", u.name, u.email
        FROM (
          SELECT m.id, m."userId", m.role, m."createdAt" FROM "Membership" m
          WHERE m."workspaceId" = ${ctx.workspace.id} AND ${pastTimeCursorSql(query.cursor, "asc", Prisma.sql`(m."createdAt", m.id)`)}
          ORDER BY m."createdAt", m.id
          LIMIT ${query.limit + 1}
        ) m JOIN "User" u ON u.id = m."userId"
        ORDER BY m."createdAt", m.id`;
      const members = rows.map(({ name, email, ...m }) => ({ ...m, createdAt: new Date(m.createdAt), user: { name, email } }));
      const page = cutPage(members, query.limit, timeCursor);
      return { data: page.data.map(memberBody), nextCursor: page.nextCursor };
    },
  ),
  apiWrite(
    {
      name: "api.members.changeRole",
      method: "PATCH",
      path: "/members/{membershipId}",
      tag: "Members",
      summary: "Change a member's role",
      description: "Nobody grants a role above their own, and the owner changes only by transferring ownership (in the dashboard).",
      permission: "members.manage",
      params: MemberPath,
      body: z.object({ role: z.enum(INVITABLE_ROLES, { message: "Choose a role: ADMIN, DEVELOPER or VIEWER" }) }),
      response: MemberBody,
    },
    async (ctx, { params, body }) => {
      await changeMemberRole(ctx, params.membershipId, body.role);
      return memberBody(await ctx.tx.membership.findUniqueOrThrow({ where: { id: params.membershipId }, select: MEMBER_SELECT }));
    },
  ),
  apiWrite(
    {
      name: "api.members.remove",
      method: "DELETE",
      path: "/members/{membershipId}",
      tag: "Members",
      summary: "Remove a member",
      description: "Their API keys stop working at once.",
      permission: "members.manage",
      params: MemberPath,
      response: null,
      status: 204,
    },
    async (ctx, { params }) => {
      await removeMember(ctx, params.membershipId);
    },
  ),
];
