import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { recordId, text } from "@/lib/schemas";

export const API_KEY_ACCESS = ["READ", "WRITE"] as const;

/** How long a new key lives, in days; "never" keys last until revoked. The words are the catalog's (apiKeys.create.expiry). */
export const API_KEY_EXPIRIES = ["7", "30", "90", "365", "never"] as const;
export type ApiKeyExpiry = (typeof API_KEY_EXPIRIES)[number];

export const CreateApiKeySchema = z.object({
  name: text().trim().min(1, messageKey("validation.apiKeys.nameRequired")).max(60, messageKey("validation.apiKeys.nameTooLong")),
  access: z.enum(API_KEY_ACCESS, { message: messageKey("validation.apiKeys.chooseAccess") }),
  expiresIn: z.enum(API_KEY_EXPIRIES, { message: messageKey("validation.apiKeys.chooseExpiry") }),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeySchema>;

export const ApiKeyIdSchema = z.object({ apiKeyId: recordId() });

/** When a key created at `now` expires, or null for "never". */
export function expiryDate(expiresIn: ApiKeyExpiry, now = new Date()): Date | null {
  return expiresIn === "never" ? null : new Date(now.getTime() + Number(expiresIn) * 86_400_000);
}
