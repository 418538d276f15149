import type { AccountTokenPurpose } from "@/generated/prisma/enums";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { hashLinkToken, isLinkToken } from "@/lib/crypto/link-token";
import { db } from "@/lib/db";

export interface AccountSummary {
  id: string;
  name: string;
  email: string;
}

export interface CredentialsCheck {
  /** The account, when the password is right. */
  account: (AccountSummary & { twoFactorEnabled: boolean; locale: string | null }) | null;
  /** The account the address belongs to, right password or not: its security log records a failure. */
  knownUserId: string | null;
}

/** A wrong password and an unknown email take about the same time; the caller answers both alike. */
export async function checkCredentials(email: string, password: string): Promise<CredentialsCheck> {
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, totpEnabledAt: true, locale: true },
  });
  if (!user) {
    await burnPasswordCheck(password);
    return { account: null, knownUserId: null };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { account: null, knownUserId: user.id };
  return { account: { id: user.id, name: user.name, email: user.email, locale: user.locale, twoFactorEnabled: user.totpEnabledAt !== null }, knownUserId: user.id };
}

/** The account when the password is right; null for a wrong password and an unknown email alike. */
export async function verifyCredentials(email: string, password: string) {
  return (await checkCredentials(email, password)).account;
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
      locale: true,
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
