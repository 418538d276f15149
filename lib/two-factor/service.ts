import { verifyPassword } from "@/lib/auth/password";
import type { UserActionContext } from "@/lib/authz/types";
import { encryptSecret } from "@/lib/crypto/secrets";
import type { Tx } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { enforceRateLimit, refundRateLimit } from "@/lib/rate-limits/service";
import { recordSecurityEvent } from "@/lib/security-log/service";
import { revokeOtherSessions } from "@/lib/sessions/service";
import { lockUser } from "@/lib/workspaces/lock";
import { twoFactorState, type SecondFactor, type TwoFactorState } from "./queries";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpSecretContext, totpStepFor, totpUri } from "./totp";

/** What the account's own 2FA actions know of the request: who, from which browser, in which transaction. */
type Ctx = Pick<UserActionContext, "tx" | "userId" | "ip" | "userAgent" | "sessionId">;

const WRONG_CODE = "That code is not right. Check that your device's clock is correct and enter the newest code.";
const WRONG_PROOF = "That code or password is not right.";

/** The user row, locked: two tabs confirming or turning off at once take turns, and the second sees the first's result. */
async function lockedState(tx: Tx, userId: string): Promise<TwoFactorState> {
  await lockUser(tx, userId);
  const state = await twoFactorState(userId, tx);
  if (!state) throw Refusal.notFound("That account");
  return state;
}

/** Spends an accepted time step: false when this step (or a later one) was already used. */
async function spendStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE "User" SET "totpLastUsedStep" = ${step}
    WHERE id = ${userId} AND ("totpLastUsedStep" IS NULL OR "totpLastUsedStep" < ${step})`;
  return count === 1;
}

/** A fresh set of ten codes replaces every earlier one, used or not; only their hashes are kept. */
async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/**
 * Step one of turning 2FA on: a new secret, stored encrypted but not in force until a code from it is
 * confirmed. Starting again replaces a set-up left unfinished.
 */
export async function startTwoFactorSetup(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const user = await ctx.tx.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { email: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new Refusal("CONFLICT", "Two-factor authentication is already on.");
  const secret = newTotpSecret();
  await ctx.tx.user.update({
    where: { id: ctx.userId },
    data: { totpSecretCiphertext: encryptSecret(secret, totpSecretContext(ctx.userId)), totpLastUsedStep: null },
  });
  return { secret, uri: totpUri(secret, user.email) };
}

/**
 * Step two: a code from the new secret proves the app holds it, and 2FA is on. The recovery codes are
 * returned this once; every other browser is signed out (it signed in without a second factor).
 */
export async function confirmTwoFactorSetup(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  const state = await lockedState(ctx.tx, ctx.userId);
  if (state.enabled) throw new Refusal("CONFLICT", "Two-factor authentication is already on.");
  if (!state.secret) throw new Refusal("CONFLICT", "Start setting up two-factor authentication again: no set-up is in progress.");
  // Counted through its own connection (db()), so the rollback of a refused attempt keeps the count.
  await enforceRateLimit("twoFactorPerAccount", ctx.userId);
  const step = await totpStepFor(state.secret, code);
  if (step === null) throw Refusal.field("code", WRONG_CODE);
  await refundRateLimit("twoFactorPerAccount", ctx.userId);
  await ctx.tx.user.update({ where: { id: ctx.userId }, data: { totpEnabledAt: new Date(), totpLastUsedStep: step } });
  const recoveryCodes = await replaceRecoveryCodes(ctx.tx, ctx.userId);
  const revoked = await revokeOtherSessions(ctx.tx, ctx.userId, ctx.sessionId);
  await recordSecurityEvent({ userId: ctx.userId, kind: "two_factor_enabled", ip: ctx.ip, userAgent: ctx.userAgent, metadata: { sessionsRevoked: revoked } }, ctx.tx);
  return { recoveryCodes };
}

/** New recovery codes for old (lost, printed, mostly used): a current code proves the person holds the app. */
export async function regenerateRecoveryCodes(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  const state = await lockedState(ctx.tx, ctx.userId);
  if (!state.enabled || !state.secret) throw new Refusal("CONFLICT", "Turn on two-factor authentication first.");
  // Counted through its own connection (db()), so the rollback of a refused attempt keeps the count.
  await enforceRateLimit("twoFactorPerAccount", ctx.userId);
  const step = await totpStepFor(state.secret, code, state.lastUsedStep);
  if (step === null || !(await spendStep(ctx.tx, ctx.userId, step))) throw Refusal.field("code", WRONG_CODE);
  await refundRateLimit("twoFactorPerAccount", ctx.userId);
  const recoveryCodes = await replaceRecoveryCodes(ctx.tx, ctx.userId);
  const revoked = await revokeOtherSessions(ctx.tx, ctx.userId, ctx.sessionId);
  await recordSecurityEvent({ userId: ctx.userId, kind: "recovery_codes_regenerated", ip: ctx.ip, userAgent: ctx.userAgent, metadata: { sessionsRevoked: revoked } }, ctx.tx);
  return { recoveryCodes };
}

/**
 * Turns 2FA off with a current code or the password (for someone whose phone is gone): a session alone,
 * perhaps a stolen one, is not enough. The secret and every recovery code are deleted.
 */
export async function disableTwoFactor(ctx: Ctx, proof: string): Promise<void> {
  const state = await lockedState(ctx.tx, ctx.userId);
  if (!state.enabled || !state.secret) throw new Refusal("CONFLICT", "Two-factor authentication is already off.");
  // Counted through its own connection (db()), so the rollback of a refused attempt keeps the count.
  await enforceRateLimit("twoFactorPerAccount", ctx.userId);
  const provenWith = await proofMatches(ctx, state, proof);
  if (!provenWith) throw Refusal.field("proof", WRONG_PROOF);
  await refundRateLimit("twoFactorPerAccount", ctx.userId);
  await ctx.tx.user.update({ where: { id: ctx.userId }, data: { totpSecretCiphertext: null, totpEnabledAt: null, totpLastUsedStep: null } });
  await ctx.tx.recoveryCode.deleteMany({ where: { userId: ctx.userId } });
  const revoked = await revokeOtherSessions(ctx.tx, ctx.userId, ctx.sessionId);
  await recordSecurityEvent(
    { userId: ctx.userId, kind: "two_factor_disabled", ip: ctx.ip, userAgent: ctx.userAgent, metadata: { with: provenWith, sessionsRevoked: revoked } },
    ctx.tx,
  );
}

/** Six digits are tried as a code first; whatever is not a good code is tried as the password. */
async function proofMatches(ctx: Ctx, state: TwoFactorState, proof: string): Promise<"code" | "password" | null> {
  const digits = proof.replace(/\s+/g, "");
  if (/^\d{6}$/.test(digits) && state.secret) {
    const step = await totpStepFor(state.secret, digits, state.lastUsedStep);
    if (step !== null && (await spendStep(ctx.tx, ctx.userId, step))) return "code";
  }
  const user = await ctx.tx.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { passwordHash: true } });
  return (await verifyPassword(user.passwordHash, proof)) ? "password" : null;
}

// ---- Sign-in ------------------------------------------------------------------------------------------

/**
 * Spends a checked factor: a time step can't be accepted again, a recovery code is used up. False when a
 * concurrent sign-in with the same code spent it first: each code signs in once.
 */
export async function spendSecondFactor(tx: Tx, userId: string, factor: SecondFactor): Promise<boolean> {
  if (factor.kind === "totp") return spendStep(tx, userId, factor.step);
  const { count } = await tx.recoveryCode.updateMany({ where: { userId, codeHash: factor.codeHash, usedAt: null }, data: { usedAt: new Date() } });
  return count === 1;
}
