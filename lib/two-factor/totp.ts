import { createHash, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";

/** The name an authenticator app lists the account under. */
export const TOTP_ISSUER = "Workspaces";

/**
 * A code is accepted one time step either side of now (RFC 6238 5.2's "one step of network delay"), so
 * a phone whose clock is a little off, or a code typed as it turns over, still works.
 */
const TOLERANCE_SECONDS = 30;

/** Binds a stored secret to its account: a ciphertext copied onto another user's row does not decrypt. */
export function totpSecretContext(userId: string): string {
  return `totp:${userId}`;
}

/** A new base32 secret of 20 random bytes (160 bits, RFC 4226's recommendation). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address the QR code carries. */
export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

/** The secret as a person types it: groups of four. */
export function formatManualKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The time step a code is good for, or null. `afterStep` is the last step accepted for this account: a
 * code is good once (RFC 6238 5.2), so one read over a shoulder can't be replayed within its window.
 */
export async function totpStepFor(secret: string, code: string, afterStep?: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep != null ? { afterTimeStep: afterStep } : {}),
  });
  // otplib's result type covers HOTP too; a TOTP verification always carries its time step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// ---- Recovery codes ----------------------------------------------------------------------------------

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: a code copied by hand from paper reads one way only.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const CODE_LENGTH = 16;

/** Ten codes of 16 characters from a 31-letter alphabet (about 79 random bits each), shown as xxxx-xxxx-xxxx-xxxx. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return chars.replace(/(.{4})(?=.)/g, "$1-");
  });
}

/**
 * What is stored of a recovery code. A fast hash is enough here, unlike for passwords: a password is
 * chosen by a person and falls to a dictionary, while a recovery code is ~79 random bits, so even a
 * stolen table leaves 2^79 SHA-256 guesses per code; argon2 would only slow down the rightful sign-in.
 * It also makes the hash a lookup key (unique per user), so spending a code is one atomic UPDATE.
 */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}

/** Case, spaces and dashes don't matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * What a person typed in the sign-in's code field: six digits are an authenticator code, sixteen letters
 * and digits a recovery code, anything else neither.
 */
export function classifyCode(raw: string): { kind: "totp"; code: string } | { kind: "recovery_code"; code: string } | null {
  const digits = raw.replace(/[\s-]/g, "");
  if (/^\d{6}$/.test(digits)) return { kind: "totp", code: digits };
  const recovery = normalizeRecoveryCode(raw);
  if (recovery.length === CODE_LENGTH && /^[a-z0-9]+$/.test(recovery) && raw.length <= 64) return { kind: "recovery_code", code: recovery };
  return null;
}
