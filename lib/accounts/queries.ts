import type { AccountTokenPurpose } from "@/generated/prisma/enums";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { hashLinkToken, isLinkToken } from "@/lib/crypto/link-token";
import { db } from "@/lib/db";

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

/**
 * What an emailed account link's page shows before anything is done: whether the link still works and
 * for which address, or null for a link that never existed (or is not this kind). Opening the page
 * changes nothing: mail scanners fetch links, so only the page's button uses one.
 */
export async function accountLink(token: string, purpose: AccountTokenPurpose) {
  if (!isLinkToken(token)) return null;
  const row = await db().accountToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { purpose: true, email: true, usedAt: true, expiresAt: true, user: { select: { email: true, emailVerifiedAt: true } } },
  });
  if (!row || row.purpose !== purpose || !row.email) return null;
  // Links other than a change of address are bound to the account's address when they were sent.
  const current = purpose === "CHANGE_EMAIL" || row.email === row.user.email;
  return {
    email: row.email,
    usable: current && !row.usedAt && row.expiresAt > new Date(),
    accountVerified: current && row.user.emailVerifiedAt !== null,
  };
}

/** For the banner an unverified account sees wherever it is signed in. */
export async function emailVerification(userId: string) {
  return db().user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
}
