import { z } from "zod";
import { recordId, text } from "@/lib/schemas";

export const API_KEY_ACCESS = ["READ", "WRITE"] as const;

/** How long a new key lives; "never" keys last until revoked. */
export const API_KEY_EXPIRY = { "7": "7 days", "30": "30 days", "90": "90 days", "365": "1 year", never: "No expiry" } as const;
export type ApiKeyExpiry = keyof typeof API_KEY_EXPIRY;

export const CreateApiKeySchema = z.object({
  name: text().trim().min(1, "Give the key a name").max(60, "At most 60 characters"),
  access: z.enum(API_KEY_ACCESS, { message: "Choose what the key may do" }),
  expiresIn: z.enum(Object.keys(API_KEY_EXPIRY) as [ApiKeyExpiry, ...ApiKeyExpiry[]], { message: "Choose when the key expires" }),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeySchema>;

export const ApiKeyIdSchema = z.object({ apiKeyId: recordId() });

/** When a key created at `now` expires, or null for "never". */
export function expiryDate(expiresIn: ApiKeyExpiry, now = new Date()): Date | null {
  return expiresIn === "never" ? null : new Date(now.getTime() + Number(expiresIn) * 86_400_000);
}
