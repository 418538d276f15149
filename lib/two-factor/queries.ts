import { Prisma } from "@/generated/prisma/client";
import { cappedCountSql } from "@/lib/api/pagination";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db, type Tx } from "@/lib/db";
import { classifyCode, hashRecoveryCode, totpSecretContext, totpStepFor } from "./totp";

export interface TwoFactorState {
  enabled: boolean;
  /** The TOTP secret in force, or the one being set up (then `enabled` is false). */
  secret: string | null;
  /** The last time step a code was accepted for: older and equal steps are refused. */
  lastUsedStep: number | null;
}

/** The account's second factor, decrypted; null for an unknown account. */
export async function twoFactorState(userId: string, client: Tx = db()): Promise<TwoFactorState | null> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: { totpSecretCiphertext: true, totpEnabledAt: true, totpLastUsedStep: true },
  });
  if (!user) return null;
  return {
    enabled: user.totpEnabledAt !== null && user.totpSecretCiphertext !== null,
    secret: user.totpSecretCiphertext ? decryptSecret(user.totpSecretCiphertext, totpSecretContext(userId)) : null,
    lastUsedStep: user.totpLastUsedStep,
  };
}

/**
 * How many members of a workspace have no second factor: what requiring one would turn away for now.
 * Counted up to COUNT_CAP + 1, like the lists' totals: past it the page says "more than 1,000".
 */
export async function membersWithoutTwoFactor(workspaceId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`SELECT ${cappedCountSql(
    Prisma.sql`FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."workspaceId" = ${workspaceId} AND u."totpEnabledAt" IS NULL`,
  )} AS count`;
  return row?.count ?? 0;
}

export type SecondFactor = { kind: "totp"; step: number } | { kind: "recovery_code"; codeHash: string };

/**
 * Checks a sign-in's code without spending it (the sign-in spends it in the transaction that opens the
 * session, so a failure there leaves the code usable): a current authenticator code, or an unused
 * recovery code. Null for anything else.
 */
export async function checkSignInCode(userId: string, state: TwoFactorState, raw: string): Promise<SecondFactor | null> {
  const code = classifyCode(raw);
  if (!code || !state.secret) return null;
  if (code.kind === "totp") {
    const step = await totpStepFor(state.secret, code.code, state.lastUsedStep);
    return step === null ? null : { kind: "totp", step };
  }
  const codeHash = hashRecoveryCode(code.code);
  const unused = await db().recoveryCode.findFirst({ where: { userId, codeHash, usedAt: null }, select: { id: true } });
  return unused ? { kind: "recovery_code", codeHash } : null;
}

/** How many unused recovery codes the account has left. */
export async function recoveryCodesLeft(userId: string, client: Tx = db()): Promise<number> {
  return client.recoveryCode.count({ where: { userId, usedAt: null } });
}
