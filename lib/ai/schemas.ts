import { z } from "zod";
import { text } from "@/lib/schemas";
import { AI_PROVIDERS, PROVIDERS } from "./providers";

export const AiSettingsSchema = z
  .object({
    provider: z.enum(AI_PROVIDERS, { message: "Choose a provider" }),
    model: text().trim().min(1, "Choose or type a model").max(100, "Keep the model name under 100 characters"),
    /** Blank keeps the stored key. */
    apiKey: text().trim().max(500, "That key is too long").optional(),
    baseUrl: text().trim().max(300, "That URL is too long").optional(),
  })
  .superRefine((value, ctx) => {
    const spec = PROVIDERS[value.provider];
    if (!value.baseUrl) {
      if (!spec.defaultBaseUrl) ctx.addIssue({ code: "custom", path: ["baseUrl"], message: `${spec.label} needs a base URL` });
      return;
    }
    let url: URL | null = null;
    try {
      url = new URL(value.baseUrl);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "Use an http:// or https:// URL" });
    }
  });
export type AiSettingsInput = z.input<typeof AiSettingsSchema>;
