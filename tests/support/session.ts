/**
 * The session the integration tests act as. lib/authz/session is replaced (tests/support/setup-db.ts)
 * by a stand-in reading this, so actions are called as real functions with a chosen caller.
 */
export const testSession: { userId: string | null; ip: string; sessionId: string | null } = { userId: null, ip: "127.0.0.1", sessionId: null };

/** Acts as this user from now on; `sessionId` names the browser's Session row for tests that need one. */
export function actAs(userId: string | null, sessionId: string | null = null): void {
  testSession.userId = userId;
  testSession.sessionId = sessionId;
}
