import { db } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";

export interface AccountSummary {
  id: string;
  name: string;
  email: string;
}

/** Answers null for a wrong password and for an unknown email alike, in about the same time. */
export async function verifyCredentials(email: string, password: string): Promise<AccountSummary | null> {
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, name: user.name, email: user.email };
}

/** What the account page shows about the account itself. */
export async function accountOverview(userId: string) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  const { _count, ...account } = user;
  return { ...account, recoveryCodesLeft: _count.recoveryCodes };
}
export type AccountOverview = Awaited<ReturnType<typeof accountOverview>>;
