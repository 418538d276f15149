import { z } from "zod";
import { PLANS } from "./plans";
import { formatMinor, parseMoneyToMinor, TOPUP_MAX_MINOR, TOPUP_MIN_MINOR } from "./money";
import { dayParam, pageParam, recordId, text } from "@/lib/schemas";

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

/** Keeping the current plan: drops the scheduled downgrade. Nothing to fill in. */
export const CancelScheduledChangeSchema = z.object({});

/** "DE 123 456 789" → "DE123456789": a VAT id is a country prefix and 2 to 13 letters or digits. */
const VAT_ID = /^[A-Z]{2}[0-9A-Z+*.]{2,13}$/;

/** The details printed on invoices, one schema for the form and the action. */
export const BillingDetailsSchema = z.object({
  legalName: text().trim().min(1, "Enter the legal name invoices are made out to").max(200, "Keep the name under 200 characters"),
  address: text().trim().min(1, "Enter the billing address").max(500, "Keep the address under 500 characters"),
  vatId: text()
    .max(40, "Enter a VAT id like DE123456789, or leave it empty")
    .transform((value) => value.replace(/[\s-]/g, "").toUpperCase())
    .refine((value) => value === "" || VAT_ID.test(value), "Enter a VAT id like DE123456789, or leave it empty"),
});
export type BillingDetailsInput = z.input<typeof BillingDetailsSchema>;
export type BillingDetailsOutput = z.output<typeof BillingDetailsSchema>;

/** The invoice a PDF download names, from the route's path. */
export const InvoiceRouteSchema = z.object({ invoiceId: recordId() });

/** The invoice list's page, from the Billing page's search parameters. */
export const InvoicePageSchema = z.object({ invoices: pageParam.optional() });
