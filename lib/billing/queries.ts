import type { WorkspaceSummary } from "@/lib/authz/types";
import { db, type Tx } from "@/lib/db";
import type { Plan } from "@/generated/prisma/enums";
import { DAY_MS } from "./proration";

export const INVOICES_PAGE_SIZE = 12;

/** A workspace's invoices, newest first, a page at a time. */
export async function listInvoices(workspaceId: string, page = 1) {
  const [total, rows] = await Promise.all([
    db().invoice.count({ where: { workspaceId } }),
    db().invoice.findMany({
      where: { workspaceId },
      orderBy: { number: "desc" },
      skip: (page - 1) * INVOICES_PAGE_SIZE,
      take: INVOICES_PAGE_SIZE,
      select: { id: true, number: true, issuedAt: true, description: true, amountMinor: true, currency: true },
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / INVOICES_PAGE_SIZE)), rows };
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
