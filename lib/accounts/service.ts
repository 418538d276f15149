import type { AccountTokenPurpose, Theme } from "@/generated/prisma/enums";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { UserActionContext } from "@/lib/authz/types";
import { hashLinkToken, isLinkToken, newLinkToken } from "@/lib/crypto/link-token";
import { db, type Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { OutgoingEmail } from "@/lib/email";
import { Refusal } from "@/lib/errors";
import { recipientLocale } from "@/lib/i18n/locale";
import { messageKey } from "@/lib/i18n/message-key";
import { enforceRateLimit, refundRateLimit } from "@/lib/rate-limits/service";
import { recordSecurityEvent } from "@/lib/security-log/service";
import { revokeOtherSessions } from "@/lib/sessions/service";
import { createPersonalWorkspace } from "@/lib/workspaces/service";
import { queueAccountEmail, sendQueuedAccountEmail } from "./delivery";
import {
  alreadyRegisteredEmail,
  confirmEmailChangeEmail,
  emailChangeNoticeEmail,
  passwordResetEmail,
  verificationEmail,
} from "./email";
import { accountLink, type AccountSummary } from "./queries";

/** The password is hashed by the caller, outside the transaction, to keep the transaction short.
 * Creates the account and its personal workspace (owner, default) in one transaction. */
export async function createAccount(
  tx: Tx,
  input: { name: string; email: string; passwordHash: string; emailVerifiedAt?: Date | null },
): Promise<AccountSummary & { personalWorkspaceSlug: string }> {
  let user;
  try {
    user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash: input.passwordHash, emailVerifiedAt: input.emailVerifiedAt ?? null },
      select: { id: true, name: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) {
      throw Refusal.field("email", messageKey("errors.emailTaken"));
    }
    throw error;
  }
  const workspace = await createPersonalWorkspace(tx, user);
  return { ...user, personalWorkspaceSlug: workspace.slug };
}

/**
 * Grants or revokes platform-operator status (quota reviews across workspaces). Only the operator
 * command calls this: the flag is never set from anything a person can type at sign-up.
 * Returns false when no account has that address.
 */
export async function setPlatformOperator(client: Tx, email: string, isPlatformOperator: boolean): Promise<boolean> {
  const { count } = await client.user.updateMany({ where: { email: email.trim().toLowerCase() }, data: { isPlatformOperator } });
  return count === 1;
}

// ---- Emailed account links ------------------------------------------------------------------------

const HOUR_MS = 60 * 60 * 1000;

export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * HOUR_MS,
  // Short: whoever holds it takes the account over.
  RESET_PASSWORD: HOUR_MS,
  CHANGE_EMAIL: 24 * HOUR_MS,
};

const ACCOUNT_LINK_PATH: Record<AccountTokenPurpose, string> = {
  VERIFY_EMAIL: "/verify-email",
  RESET_PASSWORD: "/reset-password",
  CHANGE_EMAIL: "/confirm-email",
};

/** Where a request came from, for the security log, rate limits and the links in mail. */
export interface AccountRequest {
  ip: string | null;
  userAgent: string | null;
  origin: string;
}

/** The signed-in person acting on their own account (a user action's context). */
export type AccountActor = Pick<UserActionContext, "userId" | "ip" | "userAgent" | "sessionId" | "tx">;

const DEAD_LINK = messageKey("errors.deadLink");

/**
 * A new single-use link for `purpose`, bound to the address it is mailed to (the new one, for
 * CHANGE_EMAIL): a link sent before the address changed verifies or resets nothing afterwards.
 */
export async function issueAccountToken(
  tx: Tx,
  input: { userId: string; purpose: AccountTokenPurpose; email: string; origin: string },
): Promise<{ link: string; expiresAt: Date }> {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + ACCOUNT_TOKEN_TTL_MS[input.purpose]);
  await tx.accountToken.create({ data: { userId: input.userId, purpose: input.purpose, email: input.email, tokenHash, expiresAt } });
  return { link: `${input.origin}${ACCOUNT_LINK_PATH[input.purpose]}/${token}`, expiresAt };
}

/**
 * Uses the link once: one statement marks it used only if it is unused and unexpired, so of two
 * concurrent uses exactly one gets the row. Null for anything else: unknown, used, expired, of another
 * purpose, or mailed to an address the account no longer has.
 */
async function consumeAccountToken(tx: Tx, token: string, purpose: AccountTokenPurpose) {
  if (!isLinkToken(token)) return null;
  const now = new Date();
  const [row] = await tx.accountToken.updateManyAndReturn({
    where: { tokenHash: hashLinkToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true, email: true, user: { select: { email: true, emailVerifiedAt: true } } },
  });
  // Bound to the address it was mailed to: after a change of address, the old mailbox's links are dead.
  if (!row || !row.email || (purpose !== "CHANGE_EMAIL" && row.email !== row.user.email)) return null;
  return { userId: row.userId, email: row.email, account: row.user };
}

/** Kills the user's unused links of these purposes (superseded by what just happened). */
async function retireAccountTokens(tx: Tx, userId: string, purposes: AccountTokenPurpose[]): Promise<void> {
  await tx.accountToken.updateMany({ where: { userId, purpose: { in: purposes }, usedAt: null }, data: { usedAt: new Date() } });
}

/** Mail a person can trigger to an address: counted per address and per client, refused past either. */
async function limitAccountMail(email: string, ip: string | null): Promise<void> {
  // Counted outside any transaction: a refusal rolls the transaction back, and the attempt must still count.
  if (ip) await enforceRateLimit("accountEmailsPerClient", ip, db());
  await enforceRateLimit("accountEmailsPerAddress", email, db());
}

/**
 * Checks the password of the signed-in person before a sensitive change. A wrong one counts as a
 * sign-in guess on the account (a stolen session must not become a free password oracle); a right
 * one gives its attempt back, as at sign-in.
 */
async function confirmPassword(account: { email: string; passwordHash: string }, password: string, field: string): Promise<void> {
  await enforceRateLimit("signInPerAccount", account.email, db());
  if (!(await verifyPassword(account.passwordHash, password))) throw Refusal.field(field, messageKey("errors.wrongPassword"));
  await refundRateLimit("signInPerAccount", account.email, db());
}

// ---- Sign-up and verification ---------------------------------------------------------------------

/**
 * Sign-up without an invitation. The answer is the same whether or not the address has an account,
 * so the form cannot be used to find out who has one: a new address gets an unverified account and a
 * verification link, a taken one a note to its owner (and nothing else changes). Neither signs in.
 */
export async function signUp(input: { name: string; email: string; password: string }, request: AccountRequest): Promise<{ email: string }> {
  if (request.ip) await enforceRateLimit("signUpPerAddress", request.ip);
  await limitAccountMail(input.email, request.ip);
  // Hashed for a taken address too: the time to answer must not tell the two apart.
  const passwordHash = await hashPassword(input.password);
  const taken = (owner: { locale: string | null } | null) =>
    alreadyRegisteredEmail({ to: input.email, origin: request.origin, locale: recipientLocale(owner?.locale) });
  try {
    await db().$transaction(async (tx) => {
      const owner = await tx.user.findUnique({ where: { email: input.email }, select: { locale: true } });
      if (owner) return queueAccountEmail(tx, taken(owner), "account_exists");
      const account = await createAccount(tx, { name: input.name, email: input.email, passwordHash });
      const { link, expiresAt } = await issueAccountToken(tx, { userId: account.id, purpose: "VERIFY_EMAIL", email: account.email, origin: request.origin });
      // A new account follows the browser (locale null): its first mail is in English.
      await queueAccountEmail(tx, verificationEmail({ to: account.email, name: account.name, link, expiresAt, locale: recipientLocale(null) }), "verify_email");
    });
  } catch (error) {
    // Two sign-ups for one new address at once: the later one finds it taken, as if it had come after.
    if (!(error instanceof Refusal && error.fieldErrors?.email)) throw error;
    await queueAccountEmail(db(), taken(await db().user.findUnique({ where: { email: input.email }, select: { locale: true } })), "account_exists");
  }
  sendQueuedAccountEmail();
  return { email: input.email };
}

/** "Send again" from the banner: a fresh link (earlier ones stay good until one is used). */
export async function resendVerification(actor: AccountActor, origin: string): Promise<{ email: string }> {
  const user = await actor.tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true, emailVerifiedAt: true, locale: true } });
  if (user.emailVerifiedAt) throw new Refusal("CONFLICT", messageKey("errors.alreadyVerified"));
  await limitAccountMail(user.email, actor.ip);
  const { link, expiresAt } = await issueAccountToken(actor.tx, { userId: actor.userId, purpose: "VERIFY_EMAIL", email: user.email, origin });
  await queueAccountEmail(actor.tx, verificationEmail({ to: user.email, name: user.name, link, expiresAt, locale: recipientLocale(user.locale) }), "verify_email");
  return { email: user.email };
}

/** Opening the verification link: the address is proven; every other verification link dies. */
export async function verifyEmail(token: string, request: Omit<AccountRequest, "origin">): Promise<{ userId: string; email: string }> {
  return db().$transaction(async (tx) => {
    const used = await consumeAccountToken(tx, token, "VERIFY_EMAIL");
    if (!used) throw new Refusal("NOT_FOUND", DEAD_LINK);
    if (!used.account.emailVerifiedAt) {
      await tx.user.update({ where: { id: used.userId }, data: { emailVerifiedAt: new Date() } });
      await recordSecurityEvent({ userId: used.userId, kind: "email_verified", ip: request.ip, userAgent: request.userAgent }, tx);
    }
    await retireAccountTokens(tx, used.userId, ["VERIFY_EMAIL"]);
    return { userId: used.userId, email: used.email };
  });
}

// ---- Passwords ------------------------------------------------------------------------------------

/**
 * "Forgot password?": the same answer for a known and an unknown address. Only a known one gets a
 * link (an hour, single use), and the mail goes out after the response so its time is not in the answer.
 */
export async function requestPasswordReset(email: string, request: AccountRequest): Promise<{ email: string }> {
  await limitAccountMail(email, request.ip);
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, locale: true } });
    if (!user) return;
    const { link, expiresAt } = await issueAccountToken(tx, { userId: user.id, purpose: "RESET_PASSWORD", email, origin: request.origin });
    await recordSecurityEvent({ userId: user.id, kind: "password_reset_requested", ip: request.ip, userAgent: request.userAgent }, tx);
    await queueAccountEmail(tx, passwordResetEmail({ to: email, link, expiresAt, locale: recipientLocale(user.locale) }), "reset_password");
  });
  sendQueuedAccountEmail();
  return { email };
}

/**
 * Sets a new password from a reset link and signs the account out everywhere: whoever may have had the
 * old password or a session loses it. Opening the link proved the mailbox, so the address counts as verified.
 */
export async function resetPassword(input: { token: string; password: string }, request: Omit<AccountRequest, "origin">): Promise<{ email: string }> {
  // A dead link is refused before an argon2 hash is spent on it.
  if (!(await accountLink(input.token, "RESET_PASSWORD"))?.usable) throw new Refusal("NOT_FOUND", DEAD_LINK);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const used = await consumeAccountToken(tx, input.token, "RESET_PASSWORD");
    if (!used) throw new Refusal("NOT_FOUND", DEAD_LINK);
    await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash, ...(used.account.emailVerifiedAt ? {} : { emailVerifiedAt: new Date() }) },
    });
    const revoked = await revokeOtherSessions(tx, used.userId, null);
    // A pending change of address was asked for by someone who knew the old password.
    await retireAccountTokens(tx, used.userId, ["RESET_PASSWORD", "CHANGE_EMAIL"]);
    await recordSecurityEvent({ userId: used.userId, kind: "password_reset", ip: request.ip, userAgent: request.userAgent, metadata: { sessionsRevoked: revoked } }, tx);
    return { email: used.email };
  });
}

/** Change of password on the account page: the current one is required; every other browser is signed out. */
export async function changePassword(actor: AccountActor, input: { currentPassword: string; newPassword: string }): Promise<{ sessionsRevoked: number }> {
  const { tx, userId } = actor;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  await confirmPassword(user, input.currentPassword, "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await tx.user.update({ where: { id: userId }, data: { passwordHash } });
  const sessionsRevoked = await revokeOtherSessions(tx, userId, actor.sessionId);
  await retireAccountTokens(tx, userId, ["RESET_PASSWORD", "CHANGE_EMAIL"]);
  await recordSecurityEvent({ userId, kind: "password_changed", ip: actor.ip, userAgent: actor.userAgent, metadata: { sessionsRevoked } }, tx);
  return { sessionsRevoked };
}

// ---- Change of address ----------------------------------------------------------------------------

/**
 * Asks to move the account to a new address: a confirmation link to the new one, a notice to the old
 * one; nothing changes until the link is opened. Whether the new address already has an account is not
 * told (that would make this form a way to find out who has one): such an address gets no link, and
 * the answer is the same.
 */
export async function requestEmailChange(actor: AccountActor, input: { newEmail: string; password: string }, origin: string): Promise<{ newEmail: string }> {
  const { tx, userId } = actor;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true, locale: true } });
  if (input.newEmail === user.email) throw Refusal.field("newEmail", messageKey("errors.sameEmail"));
  await confirmPassword(user, input.password, "password");
  await limitAccountMail(input.newEmail, actor.ip);
  // Only the latest request stands.
  await retireAccountTokens(tx, userId, ["CHANGE_EMAIL"]);
  await recordSecurityEvent({ userId, kind: "email_change_requested", ip: actor.ip, userAgent: actor.userAgent, metadata: { to: input.newEmail } }, tx);
  const taken = await tx.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
  if (!taken) {
    const { link, expiresAt } = await issueAccountToken(tx, { userId, purpose: "CHANGE_EMAIL", email: input.newEmail, origin });
    await queueAccountEmail(tx, confirmEmailChangeEmail({ to: input.newEmail, from: user.email, link, expiresAt, locale: recipientLocale(user.locale) }), "change_email");
  }
  await queueAccountEmail(tx, emailChangeNoticeEmail({ to: user.email, newEmail: input.newEmail, origin, locale: recipientLocale(user.locale) }), "email_change_notice");
  return { newEmail: input.newEmail };
}

const ADDRESS_TAKEN = messageKey("errors.addressTaken");

/**
 * Opening the confirmation link: the account moves to the new address, verified by that click. Refused
 * when another account took the address meanwhile. Links mailed to the old address die with it.
 */
export async function confirmEmailChange(token: string, request: Omit<AccountRequest, "origin">): Promise<{ userId: string; email: string }> {
  return db().$transaction(async (tx) => {
    const used = await consumeAccountToken(tx, token, "CHANGE_EMAIL");
    if (!used) throw new Refusal("NOT_FOUND", DEAD_LINK);
    if (await tx.user.findUnique({ where: { email: used.email }, select: { id: true } })) throw new Refusal("CONFLICT", ADDRESS_TAKEN);
    try {
      await tx.user.update({ where: { id: used.userId }, data: { email: used.email, emailVerifiedAt: new Date() } });
    } catch (error) {
      if (isUniqueViolation(error, "email")) throw new Refusal("CONFLICT", ADDRESS_TAKEN);
      throw error;
    }
    await retireAccountTokens(tx, used.userId, ["VERIFY_EMAIL", "RESET_PASSWORD", "CHANGE_EMAIL"]);
    await recordSecurityEvent(
      { userId: used.userId, kind: "email_changed", ip: request.ip, userAgent: request.userAgent, metadata: { from: used.account.email, to: used.email } },
      tx,
    );
    return { userId: used.userId, email: used.email };
  });
}

/** Stores the account's colour theme; every page renders it from the next request on (app/layout.tsx). */
export async function setThemePreference(tx: Tx, userId: string, theme: Theme): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { theme } });
}

/** Stores the account's language; null follows the browser. Mail to the account is written in it from now on. */
export async function setLocalePreference(tx: Tx, userId: string, locale: "en" | "de" | null): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { locale } });
}
