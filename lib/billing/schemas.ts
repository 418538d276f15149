import { z } from "zod";
import { PLANS } from "./plans";
import { formatMinor, parseMoneyToMinor, TOPUP_MAX_MINOR, TOPUP_MIN_MINOR } from "./money";
import { dayParam, pageParam, text } from "@/lib/schemas";

export const TopUpSchema = z.object({
  amount: text()
    .trim()
    .max(20, "Enter an amount like 25 or 25.50")
    .min(1, "Enter an amount")
    .transform((text, ctx) => {
      const minor = parseMoneyToMinor(text);
      if (minor === null) {
        ctx.addIssue({ code: "custom", message: "Enter an amount like 25 or 25.50" });
        return z.NEVER;
      }
      return minor;
    })
    .pipe(
      z
        .number()
        .int()
        .min(TOPUP_MIN_MINOR, `Top up at least ${formatMinor(TOPUP_MIN_MINOR)}`)
        .max(TOPUP_MAX_MINOR, `Top up at most ${formatMinor(TOPUP_MAX_MINOR)} at once`),
    ),
  /** Made once per form in the browser: the same key twice is the same top-up. */
  idempotencyKey: z.string().uuid("Reload the page and try again"),
});
export type TopUpInput = z.input<typeof TopUpSchema>;
export type TopUpOutput = z.output<typeof TopUpSchema>;

export const ChangePlanSchema = z.object({ plan: z.enum(PLANS, { message: "Choose a plan" }) });

export const TRANSACTION_TYPES = ["TOPUP", "CHARGE", "ADJUSTMENT"] as const;

/** The transaction list's filters, from the page's search parameters or the export's query: what makes no sense is ignored. */
export const TransactionFilterSchema = z.object({
  type: z.enum(TRANSACTION_TYPES).optional().catch(undefined),
  from: dayParam,
  to: dayParam,
  page: pageParam.optional(),
});
export type TransactionFilter = z.output<typeof TransactionFilterSchema>;
