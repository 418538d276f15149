import { db } from "@/lib/db";
import type { Theme } from "@/generated/prisma/enums";
import { MEMBERSHIP_COLUMNS, type MembershipRow } from "@/lib/authz/membership-row";

/**
 * The user a session cookie's row stands for, or null when it is revoked, expired or gone. One indexed
 * statement on every request (it runs before anything else a page or action does); it also moves
 * lastSeenAt forward, at most every five minutes so a busy browser does not write on every request.
 */
export async function activeSessionUser(sessionId: string): Promise<string | null> {
  return (await activeSession(sessionId))?.userId ?? null;
}

/** Who is signed in and how they want pages shown. */
export interface SessionAccount {
  userId: string;
  name: string;
  email: string;
  theme: Theme;
  locale: string | null;
  /** The slug whose membership was looked up with the session (lower-cased), or null when none was asked for. */
  membershipSlug: string | null;
  /** The caller's membership in that workspace, with every grant in force; null when not a member (or no such workspace). */
  membership: MembershipRow | null;
}

/**
 * activeSessionUser with the account's name and display preferences and, for the workspace slug the
 * request's path names, the caller's membership row: all in the statement that checks the session. The
 * root layout renders the theme into the first byte of every page, the profile menu its name and
 * address, and the workspace's pages their member context, at one round trip between them.
 */
export async function activeSession(sessionId: string, slug: string | null = null): Promise<SessionAccount | null> {
  const rows = await db().$queryRaw<SessionAccount[]>`
    WITH live AS (
      SELECT id, "userId", "lastSeenAt" FROM "Session"
      WHERE id = ${sessionId} AND "revokedAt" IS NULL AND "expiresAt" > now()
    ), touched AS (
      UPDATE "Session" s SET "lastSeenAt" = now() FROM live
      WHERE s.id = live.id AND live."lastSeenAt" < now() - interval '5 minutes'
    )
    SELECT live."userId", u.name, u.email, u.theme::text AS theme, u.locale, ${slug}::text AS "membershipSlug",
      (SELECT row_to_json(member) FROM (
         SELECT ${MEMBERSHIP_COLUMNS}
         FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
         WHERE m."userId" = u.id AND w.slug = ${slug} AND w."deletedAt" IS NULL) member) AS membership
    FROM live JOIN "User" u ON u.id = live."userId"`;
  return rows[0] ?? null;
}

/** The account page's list: live sessions first by last use. */
export async function listSessions(userId: string) {
  return db().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    take: 100,
  });
}
