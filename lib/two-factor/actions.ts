"use server";

import { userAction } from "@/lib/authz";
import { qrCodeDataUrl } from "./qr";
import { ConfirmTwoFactorSchema, DisableTwoFactorSchema, RegenerateRecoveryCodesSchema, StartTwoFactorSetupSchema } from "./schemas";
import { confirmTwoFactorSetup, disableTwoFactor, regenerateRecoveryCodes, startTwoFactorSetup } from "./service";
import { formatManualKey } from "./totp";

/** A new secret to scan or type in: the QR code and the key are shown during this set-up only. */
export const startTwoFactorSetupAction = userAction({ name: "twoFactor.startSetup", input: StartTwoFactorSetupSchema }, async (ctx) => {
  const { secret, uri } = await startTwoFactorSetup(ctx);
  return { manualKey: formatManualKey(secret), qrCode: await qrCodeDataUrl(uri) };
});

export const confirmTwoFactorAction = userAction({ name: "twoFactor.confirm", input: ConfirmTwoFactorSchema }, (ctx, input) =>
  confirmTwoFactorSetup(ctx, input.code),
);

export const regenerateRecoveryCodesAction = userAction(
  { name: "twoFactor.regenerateRecoveryCodes", input: RegenerateRecoveryCodesSchema },
  (ctx, input) => regenerateRecoveryCodes(ctx, input.code),
);

export const disableTwoFactorAction = userAction({ name: "twoFactor.disable", input: DisableTwoFactorSchema }, (ctx, input) =>
  disableTwoFactor(ctx, input.proof),
);
