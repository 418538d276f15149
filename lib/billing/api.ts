import { z } from "zod";
import { apiRead } from "@/lib/authz/api";
import { db } from "@/lib/db";
import { cutPage, pageOf, PageQuery, pastTimeCursor, readNumberCursor, timeCursor } from "@/lib/api/pagination";
import { invoiceLabel } from "./ledger";
import { TRANSACTION_TYPES } from "./schemas";
import { PLANS } from "./plans";

const Money = z
  .object({ amountMinor: z.number().int().meta({ description: "In minor units (cents): never a float." }), currency: z.string() })
  .meta({ id: "Money" });

const TransactionBody = z
  .object({
    id: z.string(),
    type: z.enum(TRANSACTION_TYPES),
    status: z.enum(["PENDING", "COMPLETED", "FAILED"]),
    amountMinor: z.number().int().meta({ description: "Signed, in minor units: a top-up is positive, a charge negative." }),
    balanceAfterMinor: z.number().int().nullable(),
    currency: z.string(),
    description: z.string(),
    provider: z.string(),
    isTest: z.boolean().meta({ description: "Demo-provider money, never real." }),
    createdAt: z.date(),
    completedAt: z.date().nullable(),
  })
  .meta({ id: "Transaction" });

const InvoiceBody = z
  .object({
    id: z.string(),
    number: z.number().int().meta({ description: "In sequence within the workspace, from 1." }),
    label: z.string().meta({ description: "The number as the invoice prints it: INV-0007." }),
    amountMinor: z.number().int().meta({ description: "What was charged, positive, in minor units." }),
    currency: z.string(),
    description: z.string(),
    plan: z.enum(PLANS),
    periodStart: z.date().meta({ description: "The first instant the charge pays for." }),
    periodEnd: z.date().meta({ description: "The end of what the charge pays for." }),
    transactionId: z.string().meta({ description: "The charge in the transaction list." }),
    billingName: z.string(),
    billingAddress: z.string(),
    billingVatId: z.string(),
    issuedAt: z.date(),
  })
  .meta({ id: "Invoice" });

const SubscriptionBody = z
  .object({
    status: z.enum(["ACTIVE", "PAST_DUE", "CANCELLED"]).meta({ description: "PAST_DUE: the renewal is unpaid; the plan stays until graceEndsAt, then falls back to FREE." }),
    currentPeriodStart: z.date(),
    currentPeriodEnd: z.date().meta({ description: "When the plan renews, charged from the balance." }),
    scheduledPlan: z.enum(PLANS).nullable().meta({ description: "A downgrade taking effect at currentPeriodEnd." }),
    graceEndsAt: z.date().nullable(),
  })
  .meta({ id: "Subscription" });

export const billingApi = [
  apiRead(
    {
      name: "api.billing.get",
      path: "/billing",
      tag: "Billing",
      summary: "Plan, balance and subscription",
      permission: "billing.read",
      response: z
        .object({
          plan: z.enum(PLANS),
          balance: Money,
          subscription: SubscriptionBody.nullable().meta({ description: "The paid plan's billing period; null on the Free plan." }),
        })
        .meta({ id: "Billing" }),
    },
    async (ctx) => {
      const workspace = await db().workspace.findUniqueOrThrow({
        where: { id: ctx.workspace.id },
        select: {
          plan: true,
          balanceMinor: true,
          currency: true,
          subscription: { select: { status: true, currentPeriodStart: true, currentPeriodEnd: true, scheduledPlan: true, graceEndsAt: true } },
        },
      });
      const subscription = workspace.plan !== "FREE" && workspace.subscription?.status !== "CANCELLED" ? workspace.subscription : null;
      return { plan: workspace.plan, balance: { amountMinor: workspace.balanceMinor, currency: workspace.currency }, subscription };
    },
  ),
  apiRead(
    {
      name: "api.billing.transactions",
      path: "/billing/transactions",
      tag: "Billing",
      summary: "List transactions",
      description: "Newest first.",
      permission: "billing.read",
      query: PageQuery.extend({ type: z.enum(TRANSACTION_TYPES).optional() }),
      response: pageOf(TransactionBody, "TransactionPage"),
    },
    async (ctx, { query }) => {
      const rows = await db().billingTransaction.findMany({
        where: {
          workspaceId: ctx.workspace.id,
          ...(query.type ? { type: query.type } : {}),
          ...pastTimeCursor(query.cursor, "desc"),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: query.limit + 1,
      });
      return cutPage(rows, query.limit, timeCursor);
    },
  ),
  apiRead(
    {
      name: "api.billing.invoices",
      path: "/billing/invoices",
      tag: "Billing",
      summary: "List invoices",
      description: "Newest first: one for every charge of a paid plan, with the billing details it was issued to.",
      permission: "billing.read",
      query: PageQuery,
      response: pageOf(InvoiceBody, "InvoicePage"),
    },
    async (ctx, { query }) => {
      const before = readNumberCursor(query.cursor);
      const rows = await db().invoice.findMany({
        where: { workspaceId: ctx.workspace.id, ...(before === null ? {} : { number: { lt: before } }) },
        orderBy: { number: "desc" },
        take: query.limit + 1,
        select: {
          id: true,
          number: true,
          amountMinor: true,
          currency: true,
          description: true,
          plan: true,
          periodStart: true,
          periodEnd: true,
          transactionId: true,
          billingName: true,
          billingAddress: true,
          billingVatId: true,
          issuedAt: true,
        },
      });
      const page = cutPage(rows, query.limit, (invoice) => [String(invoice.number)]);
      return { ...page, data: page.data.map((invoice) => ({ ...invoice, label: invoiceLabel(invoice.number) })) };
    },
  ),
];
