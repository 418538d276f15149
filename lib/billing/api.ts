import { z } from "zod";
import { apiRead } from "@/lib/authz/api";
import { db } from "@/lib/db";
import { cutPage, pageOf, PageQuery, pastTimeCursor, timeCursor } from "@/lib/api/pagination";
import { TRANSACTION_TYPES } from "./schemas";

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

export const billingApi = [
  apiRead(
    {
      name: "api.billing.get",
      path: "/billing",
      tag: "Billing",
      summary: "Plan and balance",
      permission: "billing.read",
      response: z.object({ plan: z.enum(["FREE", "STARTER", "PRO", "ENTERPRISE"]), balance: Money }).meta({ id: "Billing" }),
    },
    async (ctx) => {
      const workspace = await db().workspace.findUniqueOrThrow({ where: { id: ctx.workspace.id }, select: { plan: true, balanceMinor: true, currency: true } });
      return { plan: workspace.plan, balance: { amountMinor: workspace.balanceMinor, currency: workspace.currency } };
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
];
