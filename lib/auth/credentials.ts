import { CredentialsSignin } from "next-auth";
import { checkCredentials } from "@/lib/accounts/queries";
import { SignInSchema } from "@/lib/accounts/schemas";
import { db } from "@/lib/db";
import { messageKey } from "@/lib/i18n/message-key";
import { clientAddress, clientUserAgent } from "@/lib/http/client-address";
import { consumeRateLimit, refundRateLimit } from "@/lib/rate-limits/service";
import { recordSecurityEvent } from "@/lib/security-log/service";
import { createSession } from "@/lib/sessions/service";
import { checkSignInCode, recoveryCodesLeft, twoFactorState, type SecondFactor } from "@/lib/two-factor/queries";
import { spendSecondFactor } from "@/lib/two-factor/service";

/** Thrown when an account or address is over its sign-in limit; the form says when to retry. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * The password was right and the account has two-factor authentication on: the form asks for a code
 * (`missing`), or says the one it sent is not good (`wrong`). No session is opened either way.
 */
export class SecondFactorRefused extends CredentialsSignin {
  code = "two_factor";
  constructor(readonly reason: "missing" | "wrong") {
    super();
  }

  /** What the sign-in form shows on its code field. */
  get prompt(): string {
    // A catalog key: the sign-in form shows it in the reader's language (lib/i18n/message-key.ts).
    return this.reason === "missing" ? messageKey("errors.codeMissing") : messageKey("errors.codeWrong");
  }
}

/** The signed-in account as Auth.js keeps it: the session cookie carries the Session row's id. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sessionId: string;
  /** The account's language (null: the browser's), put in the locale cookie at sign-in (lib/auth). */
  locale: string | null;
}

/**
 * Auth.js's Credentials `authorize`: the only door to a session (the sign-in form and Auth.js's own
 * callback route both land here, so neither goes around it). Attempts are counted per account and per
 * client address before the password is hashed: a refused guess costs the server one statement, not
 * an argon2 hash. A right password gives its attempt back, so only guesses add up. An account with
 * two-factor authentication then needs a code (authenticator or recovery) in the same request, counted
 * per account before it is checked. A successful sign-in opens a Session row, and both outcomes go to
 * the account's security log.
 */
export async function authorizeCredentials(raw: Partial<Record<string, unknown>>, request: Request): Promise<SignedInUser | null> {
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const origin = { ip: clientAddress(request.headers.get("x-forwarded-for")), userAgent: clientUserAgent(request.headers.get("user-agent")) };
  const { email } = parsed.data;
  const [perAccount, perAddress] = await Promise.all([
    consumeRateLimit("signInPerAccount", email),
    origin.ip ? consumeRateLimit("signInPerAddress", origin.ip) : null,
  ]);
  const refused = [perAccount, perAddress].flatMap((outcome) => (outcome && !outcome.allowed ? [outcome.retryAfterSeconds] : []));
  if (refused.length > 0) {
    await recordFailure(email, origin, "rate_limited");
    throw new SignInRateLimited(Math.max(...refused));
  }
  const { account: user, knownUserId } = await checkCredentials(email, parsed.data.password);
  if (!user) {
    if (knownUserId) await recordSecurityEvent({ userId: knownUserId, kind: "sign_in_failed", ...origin, metadata: { reason: "wrong_password" } });
    return null;
  }
  // Only guesses use up the allowance: a right password gives its attempt back.
  await Promise.all([refundRateLimit("signInPerAccount", email), origin.ip ? refundRateLimit("signInPerAddress", origin.ip) : null]);
  const factor = user.twoFactorEnabled ? await secondFactor(user.id, parsed.data.code, origin) : null;
  const opened = await db().$transaction(async (tx) => {
    // Spent with the session it opens: the same code sent twice at once signs in once.
    if (factor && !(await spendSecondFactor(tx, user.id, factor))) return null;
    const id = await createSession(user.id, origin, tx);
    await recordSecurityEvent({ userId: user.id, kind: "sign_in", ...origin, ...(factor ? { metadata: { twoFactor: factor.kind } } : {}) }, tx);
    if (factor?.kind === "recovery_code") {
      await recordSecurityEvent({ userId: user.id, kind: "recovery_code_used", ...origin, metadata: { left: await recoveryCodesLeft(user.id, tx) } }, tx);
    }
    return id;
  });
  if (!opened) {
    await recordSecurityEvent({ userId: user.id, kind: "sign_in_failed", ...origin, metadata: { reason: "wrong_two_factor_code" } });
    throw new SecondFactorRefused("wrong");
  }
  return { id: user.id, name: user.name, email: user.email, sessionId: opened, locale: user.locale };
}

/**
 * The second step, after a right password: nothing for an account without 2FA; otherwise a code must
 * come with the password, and each code tried counts against the account's two-factor limit (a right
 * one gives its attempt back) before it is checked. Returns the factor to spend with the session.
 */
async function secondFactor(userId: string, code: string | undefined, origin: Origin): Promise<SecondFactor | null> {
  const state = await twoFactorState(userId);
  if (!state?.enabled) return null; // turned off between the password check and now
  if (!code?.trim()) throw new SecondFactorRefused("missing");
  const attempt = await consumeRateLimit("twoFactorPerAccount", userId);
  if (!attempt.allowed) {
    await recordSecurityEvent({ userId, kind: "sign_in_failed", ...origin, metadata: { reason: "two_factor_rate_limited" } });
    throw new SignInRateLimited(attempt.retryAfterSeconds);
  }
  const factor = await checkSignInCode(userId, state, code);
  if (!factor) {
    await recordSecurityEvent({ userId, kind: "sign_in_failed", ...origin, metadata: { reason: "wrong_two_factor_code" } });
    throw new SecondFactorRefused("wrong");
  }
  await refundRateLimit("twoFactorPerAccount", userId);
  return factor;
}

type Origin = { ip: string | null; userAgent: string | null };

/** A failed sign-in goes to the log of the account it tried, when there is one (it is theirs to see). */
async function recordFailure(email: string, origin: Origin, reason: string): Promise<void> {
  const account = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (account) await recordSecurityEvent({ userId: account.id, kind: "sign_in_failed", ...origin, metadata: { reason } });
}
