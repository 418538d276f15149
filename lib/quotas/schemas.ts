import { z } from "zod";
import { QUOTA_RESOURCES } from "./resources";
import { recordId, text } from "@/lib/schemas";

export const QuotaRequestSchema = z.object({
  resource: z.enum(QUOTA_RESOURCES, { message: "Choose what to raise" }),
  requestedLimit: z.coerce.number().int("Use a whole number").min(1, "Ask for at least 1").max(1_000_000, "Ask for at most 1,000,000"),
  reason: text().trim().min(10, "Say in a sentence why (at least 10 characters)").max(500, "Keep the reason under 500 characters"),
});
export type QuotaRequestInput = z.input<typeof QuotaRequestSchema>;

export const DecideQuotaRequestSchema = z.object({
  requestId: recordId(),
  decision: z.enum(["approve", "deny"]),
});
