/**
 * The session the integration tests act as. lib/authz/session is replaced (tests/support/setup-db.ts)
 * by a stand-in reading this, so actions are called as real functions with a chosen caller.
 */
export const testSession: { userId: string | null; ip: string } = { userId: null, ip: "127.0.0.1" };

export function actAs(userId: string | null): void {
  testSession.userId = userId;
}
