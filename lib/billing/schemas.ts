import { z } from "zod";
import { PLANS } from "./plans";
import { formatMinor, parseMoneyToMinor, TOPUP_MAX_MINOR, TOPUP_MIN_MINOR } from "./money";

export const TopUpSchema = z.object({
  amount: z
    .string()
    .trim()
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

export const TransactionFilterSchema = z.object({
  type: z.enum(TRANSACTION_TYPES).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});
export type TransactionFilter = z.output<typeof TransactionFilterSchema>;
