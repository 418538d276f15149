import { db, type Tx } from "@/lib/db";
import { recordSecurityEvent } from "@/lib/security-log/service";

/** As long as the session cookie lives; a revoked row ends it sooner. */
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface SessionOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** A row per signed-in browser; its id is all the session cookie carries. */
export async function createSession(userId: string, origin: SessionOrigin, client: Tx = db()): Promise<string> {
  const session = await client.session.create({
    data: {
      userId,
      ip: origin.ip,
      userAgent: origin.userAgent,
      expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
    },
    select: { id: true },
  });
  return session.id;
}

/** Ends one of the user's own sessions; another user's id (or an unknown one) ends nothing. */
export async function revokeSession(client: Tx, userId: string, sessionId: string): Promise<boolean> {
  const { count } = await client.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/**
 * Ends every session of the user but `keep` (the browser asking, or none): "Sign out everywhere", and
 * what a password reset or change and a 2FA change do to every other browser.
 */
export async function revokeOtherSessions(client: Tx, userId: string, keep: string | null): Promise<number> {
  const { count } = await client.session.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

/** Signs out the browser that asks: its row is revoked, so the cookie is dead even if it was copied. */
export async function endSession(sessionId: string, origin: SessionOrigin): Promise<void> {
  await db().$transaction(async (tx) => {
    const [ended] = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "Session" SET "revokedAt" = now() WHERE id = ${sessionId} AND "revokedAt" IS NULL RETURNING "userId"`;
    if (ended) await recordSecurityEvent({ userId: ended.userId, kind: "sign_out", ...origin }, tx);
  });
}
