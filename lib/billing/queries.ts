import type { WorkspaceSummary } from "@/lib/authz/types";
import { cappedCountSql, cutKeysetPage, keysetSql, pagePosition, timeCursor, timeValues, numberValues } from "@/lib/api/pagination";
import { db, type Tx } from "@/lib/db";
import { utcDayEnd, utcDayStart } from "@/lib/dates";
import { Refusal } from "@/lib/errors";
import type { PageLink } from "@/lib/schemas";
import { Prisma, type BillingTransaction, type Invoice, type Subscription } from "@/generated/prisma/client";
import type { Plan } from "@/generated/prisma/enums";
import { addMonth, DAY_MS } from "./proration";
import type { TransactionFilter } from "./schemas";

export const INVOICES_PAGE_SIZE = 12;
export const TRANSACTIONS_PAGE_SIZE = 25;

interface BillingRow {
  account: { balanceMinor: number; currency: string; plan: Plan; billingName: string; billingAddress: string; billingVatId: string } | null;
  subscription: JsonSubscription | null;
  transactions: JsonTransaction[];
  transactionTotal: number;
  invoices: JsonInvoice[];
  invoiceTotal: number;
}
type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type BillingTransactionRow = Pick<
  BillingTransaction,
  "id" | "type" | "status" | "amountMinor" | "balanceAfterMinor" | "currency" | "description" | "isTest" | "createdAt"
>;
type JsonTransaction = Jsonified<BillingTransactionRow>;
type InvoiceRow = Pick<Invoice, "id" | "number" | "issuedAt" | "description" | "amountMinor" | "currency">;
type JsonInvoice = Jsonified<InvoiceRow>;
type SubscriptionView = Pick<
  Subscription,
  "status" | "currentPeriodStart" | "currentPeriodEnd" | "scheduledPlan" | "graceEndsAt" | "lapsedFromPlan" | "lapsedAt"
>;
type JsonSubscription = Jsonified<SubscriptionView>;

/** A timestamp column as json_build_object writes it ("2027-01-01T10:00:00.123", UTC without the zone). */
const utcTimestamp = (text: string) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
const orNull = (text: string | null) => (text === null ? null : utcTimestamp(text));

/**
 * Everything the Billing page shows, in one statement: the balance, plan and billing details, the
 * subscription, a page of the filtered transactions (keyset on (createdAt, id), newest first) and one of
 * the invoices (keyset on their number), each list with its total counted up to COUNT_CAP. Only reads: a
 * paid workspace without a subscription row (one put on a paid plan before subscriptions, which the renewal
 * pass or the next plan change creates) is shown the period it would get, starting now.
 */
export async function billingOverview(workspaceId: string, filter: TransactionFilter, invoiceLink: PageLink = {}, now = new Date()) {
  const txPosition = pagePosition(filter, 2, timeValues);
  const txKeyset = keysetSql(txPosition, "desc", ['"createdAt"', "id"]);
  const txWhere = Prisma.join(
    [
      Prisma.sql`"workspaceId" = ${workspaceId}`,
      ...(filter.type ? [Prisma.sql`type = CAST(${filter.type} AS "TransactionType")`] : []),
      ...(filter.from ? [Prisma.sql`"createdAt" >= ${utcDayStart(filter.from)}`] : []),
      ...(filter.to ? [Prisma.sql`"createdAt" < ${utcDayEnd(filter.to)}`] : []),
    ],
    " AND ",
  );
  const invoicePosition = pagePosition(invoiceLink, 1, numberValues);
  const invoiceKeyset = keysetSql(invoicePosition, "desc", ["number"]);
  const [row] = await db().$queryRaw<BillingRow[]>`
    SELECT
      (SELECT json_build_object('balanceMinor', w."balanceMinor", 'currency', w.currency, 'plan', w.plan, 'billingName', w."billingName",
          'billingAddress', w."billingAddress", 'billingVatId', w."billingVatId")
        FROM "Workspace" w WHERE w.id = ${workspaceId}) AS account,
      (SELECT json_build_object('status', s.status, 'currentPeriodStart', s."currentPeriodStart", 'currentPeriodEnd', s."currentPeriodEnd",
          'scheduledPlan', s."scheduledPlan", 'graceEndsAt', s."graceEndsAt", 'lapsedFromPlan', s."lapsedFromPlan", 'lapsedAt', s."lapsedAt")
        FROM "Subscription" s WHERE s."workspaceId" = ${workspaceId}) AS subscription,
      (SELECT coalesce(json_agg(t ORDER BY ${txKeyset.orderBy}), '[]'::json) FROM (
        SELECT id, type, status, "amountMinor", "balanceAfterMinor", currency, description, "isTest", "createdAt"
        FROM "BillingTransaction" WHERE ${txWhere} AND ${txKeyset.where}
        ORDER BY ${txKeyset.orderBy} LIMIT ${TRANSACTIONS_PAGE_SIZE + 1}) t) AS transactions,
      ${cappedCountSql(Prisma.sql`FROM "BillingTransaction" WHERE ${txWhere}`)} AS "transactionTotal",
      (SELECT coalesce(json_agg(i ORDER BY ${invoiceKeyset.orderBy}), '[]'::json) FROM (
        SELECT id, number, "issuedAt", description, "amountMinor", currency
        FROM "Invoice" WHERE "workspaceId" = ${workspaceId} AND ${invoiceKeyset.where}
        ORDER BY ${invoiceKeyset.orderBy} LIMIT ${INVOICES_PAGE_SIZE + 1}) i) AS invoices,
      ${cappedCountSql(Prisma.sql`FROM "Invoice" WHERE "workspaceId" = ${workspaceId}`)} AS "invoiceTotal"`;
  if (!row?.account) throw new Refusal("NOT_FOUND", "That workspace was not found.");
  const { account } = row;
  const stored = row.subscription;
  const subscription: SubscriptionView | null = stored
    ? {
        ...stored,
        currentPeriodStart: utcTimestamp(stored.currentPeriodStart),
        currentPeriodEnd: utcTimestamp(stored.currentPeriodEnd),
        graceEndsAt: orNull(stored.graceEndsAt),
        lapsedAt: orNull(stored.lapsedAt),
      }
    : account.plan === "FREE"
      ? null
      : { status: "ACTIVE", currentPeriodStart: now, currentPeriodEnd: addMonth(now), scheduledPlan: null, graceEndsAt: null, lapsedFromPlan: null, lapsedAt: null };
  const transactions = cutKeysetPage(
    row.transactions.map((t): BillingTransactionRow => ({ ...t, createdAt: utcTimestamp(t.createdAt) })),
    TRANSACTIONS_PAGE_SIZE,
    txPosition,
    timeCursor,
  );
  const invoices = cutKeysetPage(
    row.invoices.map((i): InvoiceRow => ({ ...i, issuedAt: utcTimestamp(i.issuedAt) })),
    INVOICES_PAGE_SIZE,
    invoicePosition,
    (invoice) => [String(invoice.number)],
  );
  return {
    account,
    subscription,
    transactions: { total: row.transactionTotal, rows: transactions.rows, previous: transactions.previous, next: transactions.next },
    invoices: { total: row.invoiceTotal, rows: invoices.rows, previous: invoices.previous, next: invoices.next },
  };
}

/** An invoice of this workspace only: another workspace's id finds nothing. */
export function invoiceOf(workspaceId: string, invoiceId: string) {
  return db().invoice.findFirst({ where: { id: invoiceId, workspaceId } });
}

/** How long after falling back to Free the workspace's pages still say so. */
export const FELL_BACK_NOTICE_DAYS = 30;

export type BillingNotice =
  | { kind: "past_due"; plan: Plan; graceEndsAt: Date }
  | { kind: "fell_back"; from: Plan; at: Date };

/**
 * What every member of the workspace is told at the top of its pages: a renewal that is unpaid (until
 * the grace ends), or a fall back to Free (for FELL_BACK_NOTICE_DAYS, or until it is upgraded again).
 * Read from the workspace's context (the membership statement brings the subscription along): no query.
 */
export function billingNotice(workspace: Pick<WorkspaceSummary, "plan" | "subscription">, now = new Date()): BillingNotice | null {
  const subscription = workspace.subscription;
  if (!subscription) return null;
  if (subscription.status === "PAST_DUE" && subscription.graceEndsAt) return { kind: "past_due", plan: workspace.plan, graceEndsAt: subscription.graceEndsAt };
  if (
    workspace.plan === "FREE" &&
    subscription.lapsedFromPlan &&
    subscription.lapsedAt &&
    now.getTime() - subscription.lapsedAt.getTime() < FELL_BACK_NOTICE_DAYS * DAY_MS
  ) {
    return { kind: "fell_back", from: subscription.lapsedFromPlan, at: subscription.lapsedAt };
  }
  return null;
}

/** Why a create past a Free limit is refused, when the plan is Free because a renewal went unpaid. */
export async function lapsedFrom(client: Pick<Tx, "subscription">, workspaceId: string) {
  const subscription = await client.subscription.findUnique({ where: { workspaceId }, select: { lapsedFromPlan: true, lapsedAt: true } });
  return subscription?.lapsedFromPlan && subscription.lapsedAt ? { plan: subscription.lapsedFromPlan, at: subscription.lapsedAt } : null;
}
