import { encryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";
export { totpCode, wrongCode } from "./totp-code";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpSecretContext } from "@/lib/two-factor/totp";

/** Turns 2FA on for an account without going through set-up; returns its secret and recovery codes. */
export async function enableTwoFactor(userId: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  await db().$transaction([
    db().user.update({
      where: { id: userId },
      data: { totpSecretCiphertext: encryptSecret(secret, totpSecretContext(userId)), totpEnabledAt: new Date(), totpLastUsedStep: null },
    }),
    db().recoveryCode.deleteMany({ where: { userId } }),
    db().recoveryCode.createMany({ data: recoveryCodes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) }),
  ]);
  return { secret, recoveryCodes };
}

/** Back to no 2FA at all, nothing pending. */
export async function resetTwoFactor(userId: string): Promise<void> {
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { totpSecretCiphertext: null, totpEnabledAt: null, totpLastUsedStep: null } }),
    db().recoveryCode.deleteMany({ where: { userId } }),
    db().rateLimitBucket.deleteMany({ where: { key: `twoFactorPerAccount:${userId}` } }),
  ]);
}

/** A set-up started but not confirmed, as after "Set up" on the account page; returns the secret. */
export async function startTwoFactor(userId: string): Promise<string> {
  await resetTwoFactor(userId);
  const secret = newTotpSecret();
  await db().user.update({ where: { id: userId }, data: { totpSecretCiphertext: encryptSecret(secret, totpSecretContext(userId)) } });
  return secret;
}
