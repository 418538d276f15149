import { z } from "zod";
import { PLANS } from "./plans";
import { parseMoneyToMinor, TOPUP_MAX_MINOR, TOPUP_MIN_MINOR } from "./money";
import { messageKey } from "@/lib/i18n/message-key";
import { dayParam, PageLinkQuery, recordId, text } from "@/lib/schemas";

export const TopUpSchema = z.object({
  amount: text()
    .trim()
    .max(20, messageKey("validation.billing.amountFormat"))
    .min(1, messageKey("validation.billing.amountRequired"))
    .transform((text, ctx) => {
      const minor = parseMoneyToMinor(text);
      if (minor === null) {
        ctx.addIssue({ code: "custom", message: messageKey("validation.billing.amountFormat") });
        return z.NEVER;
      }
      return minor;
    })
    .pipe(
      z
        .number()
        .int()
        .min(TOPUP_MIN_MINOR, messageKey("validation.billing.amountMin", { amount: TOPUP_MIN_MINOR / 100 }))
        .max(TOPUP_MAX_MINOR, messageKey("validation.billing.amountMax", { amount: TOPUP_MAX_MINOR / 100 })),
    ),
  /** Made once per form in the browser: the same key twice is the same top-up. */
  idempotencyKey: z.string().uuid(messageKey("validation.billing.reload")),
});
export type TopUpInput = z.input<typeof TopUpSchema>;
export type TopUpOutput = z.output<typeof TopUpSchema>;

export const ChangePlanSchema = z.object({ plan: z.enum(PLANS, { message: messageKey("validation.billing.choosePlan") }) });

export const TRANSACTION_TYPES = ["TOPUP", "CHARGE", "ADJUSTMENT"] as const;

/** The transaction list's filters, from the page's search parameters or the export's query: what makes no sense is ignored. */
export const TransactionFilterSchema = z.object({
  type: z.enum(TRANSACTION_TYPES).optional().catch(undefined),
  from: dayParam,
  to: dayParam,
  after: PageLinkQuery.shape.after,
  before: PageLinkQuery.shape.before,
});
export type TransactionFilter = z.output<typeof TransactionFilterSchema>;

/** Keeping the current plan: drops the scheduled downgrade. Nothing to fill in. */
export const CancelScheduledChangeSchema = z.object({});

/** "DE 123 456 789" → "DE123456789": a VAT id is a country prefix and 2 to 13 letters or digits. */
const VAT_ID = /^[A-Z]{2}[0-9A-Z+*.]{2,13}$/;

/** The details printed on invoices, one schema for the form and the action. */
export const BillingDetailsSchema = z.object({
  legalName: text().trim().min(1, messageKey("validation.billing.legalNameRequired")).max(200, messageKey("validation.billing.legalNameTooLong")),
  address: text().trim().min(1, messageKey("validation.billing.addressRequired")).max(500, messageKey("validation.billing.addressTooLong")),
  vatId: text()
    .max(40, messageKey("validation.billing.vatId"))
    .transform((value) => value.replace(/[\s-]/g, "").toUpperCase())
    .refine((value) => value === "" || VAT_ID.test(value), messageKey("validation.billing.vatId")),
});
export type BillingDetailsInput = z.input<typeof BillingDetailsSchema>;
export type BillingDetailsOutput = z.output<typeof BillingDetailsSchema>;

/** The invoice a PDF download names, from the route's path. */
export const InvoiceRouteSchema = z.object({ invoiceId: recordId() });

/** Where the invoice list's page starts, from the Billing page's search parameters (beside the transactions'). */
export const InvoicePageSchema = z.object({ invoicesAfter: PageLinkQuery.shape.after, invoicesBefore: PageLinkQuery.shape.before });
