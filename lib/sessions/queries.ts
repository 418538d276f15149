import { db } from "@/lib/db";

/**
 * The user a session cookie's row stands for, or null when it is revoked, expired or gone. One indexed
 * statement on every request (it runs before anything else a page or action does); it also moves
 * lastSeenAt forward, at most every five minutes so a busy browser does not write on every request.
 */
export async function activeSessionUser(sessionId: string): Promise<string | null> {
  const rows = await db().$queryRaw<{ userId: string }[]>`
    WITH live AS (
      SELECT id, "userId", "lastSeenAt" FROM "Session"
      WHERE id = ${sessionId} AND "revokedAt" IS NULL AND "expiresAt" > now()
    ), touched AS (
      UPDATE "Session" s SET "lastSeenAt" = now() FROM live
      WHERE s.id = live.id AND live."lastSeenAt" < now() - interval '5 minutes'
    )
    SELECT "userId" FROM live`;
  return rows[0]?.userId ?? null;
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
