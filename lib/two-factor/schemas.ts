import { z } from "zod";
import { text } from "@/lib/schemas";

export const TOTP_CODE_MESSAGE = "Enter the 6-digit code from your authenticator app";

/** Six digits from an authenticator app; "123 456" as some apps show it is fine too. */
export const totpCodeSchema = text({ message: TOTP_CODE_MESSAGE })
  .max(20, TOTP_CODE_MESSAGE)
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, TOTP_CODE_MESSAGE));

export const StartTwoFactorSetupSchema = z.object({});

export const ConfirmTwoFactorSchema = z.object({ code: totpCodeSchema });
export type ConfirmTwoFactorInput = z.input<typeof ConfirmTwoFactorSchema>;

export const RegenerateRecoveryCodesSchema = z.object({ code: totpCodeSchema });
export type RegenerateRecoveryCodesInput = z.input<typeof RegenerateRecoveryCodesSchema>;

export const DISABLE_PROOF_MESSAGE = "Enter a code from your authenticator app, or your password";

/** A current authenticator code or the account's password: six digits are taken as a code. */
export const DisableTwoFactorSchema = z.object({
  proof: text({ message: DISABLE_PROOF_MESSAGE }).min(1, DISABLE_PROOF_MESSAGE).max(200, "Keep it under 200 characters"),
});
export type DisableTwoFactorInput = z.input<typeof DisableTwoFactorSchema>;
