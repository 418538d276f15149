import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { text } from "@/lib/schemas";
import { AI_PROVIDERS, PROVIDERS } from "./providers";

export const AiSettingsSchema = z
  .object({
    provider: z.enum(AI_PROVIDERS, { message: messageKey("validation.ai.chooseProvider") }),
    model: text().trim().min(1, messageKey("validation.ai.chooseModel")).max(100, messageKey("validation.ai.modelTooLong")),
    /** Blank keeps the stored key. */
    apiKey: text().trim().max(500, messageKey("validation.ai.keyTooLong")).optional(),
    baseUrl: text().trim().max(300, messageKey("validation.ai.urlTooLong")).optional(),
  })
  .superRefine((value, ctx) => {
    const spec = PROVIDERS[value.provider];
    if (!value.baseUrl) {
      if (!spec.defaultBaseUrl) ctx.addIssue({ code: "custom", path: ["baseUrl"], message: messageKey("validation.ai.needsBaseUrl", { provider: spec.label }) });
      return;
    }
    let url: URL | null = null;
    try {
      url = new URL(value.baseUrl);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      ctx.addIssue({ code: "custom", path: ["baseUrl"], message: messageKey("validation.ai.useHttp") });
    }
  });
export type AiSettingsInput = z.input<typeof AiSettingsSchema>;
