import { z } from "zod";
import { QUOTA_RESOURCES } from "./resources";
import { messageKey } from "@/lib/i18n/message-key";
import { recordId, text } from "@/lib/schemas";

export const QuotaRequestSchema = z.object({
  resource: z.enum(QUOTA_RESOURCES, { message: messageKey("validation.quotas.chooseResource") }),
  requestedLimit: z.coerce.number().int(messageKey("validation.quotas.wholeNumber")).min(1, messageKey("validation.quotas.min")).max(1_000_000, messageKey("validation.quotas.max")),
  reason: text().trim().min(10, messageKey("validation.quotas.reasonShort")).max(500, messageKey("validation.quotas.reasonLong")),
});
export type QuotaRequestInput = z.input<typeof QuotaRequestSchema>;

export const DecideQuotaRequestSchema = z.object({
  requestId: recordId(),
  decision: z.enum(["approve", "deny"]),
});
