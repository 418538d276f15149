import type { WorkspaceActionContext } from "@/lib/authz/types";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { seatsInUse } from "./seats";
import { quotaLimits, quotaUsage } from "@/lib/quotas/queries";
import { QUOTA_RESOURCES } from "@/lib/quotas/resources";
import { lockWorkspace } from "@/lib/workspaces/lock";
import type { Plan, Prisma } from "@/generated/prisma/client";
import { utcDay, utcDayEnd, utcDayStart } from "@/lib/dates";
import { chargeWithInvoice, invoiceLabel, post } from "./ledger";
import { PLAN_CAPS, PLAN_RANK, QUOTA_LABEL } from "./plans";
import { addMonth, periodDays, prorate, remainingDays } from "./proration";
import type { BillingDetailsOutput, TransactionFilter } from "./schemas";
import { ensureSubscription, periodText } from "./subscription";
import { paymentProviderName, stripeClient } from "./stripe";

type Ctx = WorkspaceActionContext;

export interface TopUpOutcome {
  transactionId: string;
  status: "COMPLETED" | "PENDING" | "FAILED";
  duplicate: boolean;
  redirectUrl?: string;
  error?: string;
}

/**
 * Top up the prepaid balance. The idempotency key makes a double submit find the first transaction
 * (unique per workspace), so it charges once. The demo provider credits at once (marked test); with
 * Stripe, a pending transaction waits for the signed webhook.
 */
export async function topUp(ctx: Ctx, input: { amount: number; idempotencyKey: string }): Promise<TopUpOutcome> {
  const workspace = await lockWorkspace(ctx.tx, ctx.workspace.id);
  const existing = await ctx.tx.billingTransaction.findUnique({
    where: { workspaceId_idempotencyKey: { workspaceId: ctx.workspace.id, idempotencyKey: input.idempotencyKey } },
  });
  if (existing) return { transactionId: existing.id, status: existing.status, duplicate: true };

  const provider = paymentProviderName();
  if (provider === "demo") {
    const row = await post(ctx.tx, workspace, {
      type: "TOPUP",
      amountMinor: input.amount,
      description: "Top-up (demo provider, test money)",
      provider,
      isTest: true,
      idempotencyKey: input.idempotencyKey,
      createdById: ctx.user.id,
    });
    await ctx.audit({ action: "billing.topped_up", targetType: "transaction", targetId: row.id, metadata: { amountMinor: input.amount, provider } });
    return { transactionId: row.id, status: "COMPLETED", duplicate: false };
  }

  const { currency } = workspace;
  const pending = await ctx.tx.billingTransaction.create({
    data: {
      workspaceId: ctx.workspace.id,
      type: "TOPUP",
      status: "PENDING",
      amountMinor: input.amount,
      currency,
      description: "Top-up by card (Stripe Checkout)",
      provider,
      idempotencyKey: input.idempotencyKey,
      createdById: ctx.user.id,
    },
  });
  await ctx.audit({ action: "billing.topup_started", targetType: "transaction", targetId: pending.id, metadata: { amountMinor: input.amount, provider } });
  const outcome: TopUpOutcome = { transactionId: pending.id, status: "PENDING", duplicate: false };
  ctx.afterCommit(async () => {
    const origin = await ctx.origin();
    const back = `${origin}/${ctx.workspace.slug}/settings/billing`;
    try {
      const session = await stripeClient()!.checkout.sessions.create(
        {
          mode: "payment",
          line_items: [{ quantity: 1, price_data: { currency: currency.toLowerCase(), unit_amount: input.amount, product_data: { name: `Prepaid credit for ${ctx.workspace.name}` } } }],
          success_url: `${back}?topup=success`,
          cancel_url: `${back}?topup=cancelled`,
          client_reference_id: pending.id,
          metadata: { transactionId: pending.id, workspaceId: ctx.workspace.id },
        },
        { idempotencyKey: `topup-${pending.id}` },
      );
      await db().billingTransaction.update({ where: { id: pending.id }, data: { providerRef: session.id } });
      outcome.redirectUrl = session.url ?? undefined;
    } catch (error) {
      await db().billingTransaction.update({ where: { id: pending.id }, data: { status: "FAILED" } });
      outcome.status = "FAILED";
      outcome.error = error instanceof Error ? error.message : messageKey("errors.billing.providerUnreachable");
    }
  });
  return outcome;
}

/** Credits a pending Stripe top-up once its signed webhook arrives; a replayed event changes nothing. */
/**
 * Credits a paid Checkout session once. An amount that differs from what was asked is not credited: the
 * top-up is marked failed and audited, and the webhook still answers 200, since Stripe retrying the same
 * event could never make it right.
 */
export async function completeStripeTopUp(transactionId: string, amountTotal: number | null): Promise<"completed" | "failed" | "ignored"> {
  return db().$transaction(async (tx) => {
    const locked = await lockPendingStripeTopUp(tx, transactionId);
    if (!locked) return "ignored";
    const { current, balanceMinor } = locked;
    if (amountTotal !== null && amountTotal !== current.amountMinor) {
      await markTopUpFailed(tx, current, { reason: "amount_mismatch", expectedMinor: current.amountMinor, paidMinor: amountTotal });
      return "failed";
    }
    const after = balanceMinor + current.amountMinor;
    await tx.workspace.update({ where: { id: current.workspaceId }, data: { balanceMinor: after } });
    await tx.billingTransaction.update({ where: { id: current.id }, data: { status: "COMPLETED", balanceAfterMinor: after, completedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: current.workspaceId,
      actorId: null,
      action: "billing.topped_up",
      targetType: "transaction",
      targetId: current.id,
      metadata: { amountMinor: current.amountMinor, provider: "stripe" },
    });
    return "completed";
  });
}

/**
 * A Stripe top-up still PENDING, read again under its workspace's lock: Stripe's events arrive at least
 * once and in any order, and each may move a pending top-up once. Null when there is nothing to move.
 */
async function lockPendingStripeTopUp(tx: Tx, transactionId: string) {
  const pending = await tx.billingTransaction.findUnique({ where: { id: transactionId } });
  if (!pending || pending.provider !== "stripe") return null;
  const { balanceMinor } = await lockWorkspace(tx, pending.workspaceId);
  const current = await tx.billingTransaction.findUniqueOrThrow({ where: { id: transactionId } });
  return current.status === "PENDING" ? { current, balanceMinor } : null;
}

async function markTopUpFailed(tx: Tx, topUp: { id: string; workspaceId: string }, metadata: Prisma.InputJsonObject) {
  await tx.billingTransaction.update({ where: { id: topUp.id }, data: { status: "FAILED", completedAt: new Date() } });
  await recordAudit(tx, {
    workspaceId: topUp.workspaceId,
    actorId: null,
    action: "billing.topup_failed",
    targetType: "transaction",
    targetId: topUp.id,
    metadata: { ...metadata, provider: "stripe" },
  });
}

/** A Checkout session that expired or whose payment failed: its top-up fails, if it is still pending. */
export async function failStripeTopUp(transactionId: string, reason: "expired" | "payment_failed"): Promise<"failed" | "ignored"> {
  return db().$transaction(async (tx) => {
    const locked = await lockPendingStripeTopUp(tx, transactionId);
    if (!locked) return "ignored";
    await markTopUpFailed(tx, locked.current, { reason });
    return "failed";
  });
}

/** What keeps a workspace from moving to `plan`: usage above the plan's quotas. */
export async function downgradeBlockers(tx: Tx, workspaceId: string, plan: Plan): Promise<string[]> {
  const [limits, usage, seats] = await Promise.all([quotaLimits(tx, workspaceId, plan), quotaUsage(tx, workspaceId), seatsInUse(tx, workspaceId)]);
  usage.MEMBERS = seats;
  return QUOTA_RESOURCES.filter((r) => usage[r] > limits[r]).map(
    (r) => `${usage[r]} ${QUOTA_LABEL[r].toLowerCase()}${r === "MEMBERS" ? " (with pending invitations)" : ""}, ${limits[r]} allowed`,
  );
}

export interface PlanChange {
  /** The plan in force after the change. */
  plan: Plan;
  /** A downgrade waiting for the period's end, if any. */
  scheduledPlan: Plan | null;
  /** When the scheduled plan takes over (the period's end). */
  effectiveAt: Date | null;
  /** What an upgrade charged now, in minor units (0 for a downgrade). */
  chargedMinor: number;
  /** The upgrade's invoice, "INV-0003", when it charged anything. */
  invoice: string | null;
}

/**
 * What moving to `plan` costs now, as the page offers it and changePlan charges it. From Free: the new
 * plan's price for a month starting now. From a paid plan: the price difference for the days left of
 * the period (lib/billing/proration.ts), which then renews at the new price.
 */
export function upgradeQuote(
  current: Plan,
  plan: Plan,
  subscription: { status: string; currentPeriodStart: Date; currentPeriodEnd: Date } | null,
  now: Date,
): { amountMinor: number; periodStart: Date; periodEnd: Date; remaining: number; days: number; fresh: boolean } {
  if (current === "FREE" || !subscription || subscription.status === "CANCELLED") {
    const end = addMonth(now);
    const days = periodDays(now, end);
    return { amountMinor: PLAN_CAPS[plan].priceMinor, periodStart: now, periodEnd: end, remaining: days, days, fresh: true };
  }
  const { currentPeriodStart: start, currentPeriodEnd: end } = subscription;
  const days = periodDays(start, end);
  const remaining = remainingDays(now, start, end);
  const amountMinor = prorate(PLAN_CAPS[plan].priceMinor - PLAN_CAPS[current].priceMinor, remaining, days);
  return { amountMinor, periodStart: now < end ? now : end, periodEnd: end, remaining, days, fresh: false };
}

/**
 * Upgrades take effect at once and charge the difference for the days left of the period (from Free: a
 * month of the new plan, starting now), with an invoice. Downgrades take effect at the period's end:
 * they are scheduled (cancellable until then), nothing is credited, and one that the workspace's usage
 * does not fit is refused, saying what to remove first.
 */
export async function changePlan(ctx: Ctx, plan: Plan, now = new Date()): Promise<PlanChange> {
  const workspace = await lockWorkspace(ctx.tx, ctx.workspace.id);
  const current = workspace.plan;
  const subscription = await ensureSubscription(ctx.tx, workspace, now);
  if (plan === current) {
    return { plan, scheduledPlan: subscription?.scheduledPlan ?? null, effectiveAt: subscription?.scheduledPlan ? subscription.currentPeriodEnd : null, chargedMinor: 0, invoice: null };
  }

  if (PLAN_RANK[plan] < PLAN_RANK[current]) {
    const blockers = await downgradeBlockers(ctx.tx, ctx.workspace.id, plan);
    if (blockers.length > 0) {
      throw new Refusal("CONFLICT", messageKey("errors.billing.downgradeBlocked", { plan: PLAN_CAPS[plan].label, blockers: blockers.join("; ") }));
    }
    // A paid workspace has a subscription (ensureSubscription made it): the downgrade waits for its end.
    const effectiveAt = subscription!.currentPeriodEnd;
    await ctx.tx.subscription.update({ where: { workspaceId: workspace.id }, data: { scheduledPlan: plan } });
    await ctx.audit({
      action: "billing.downgrade_scheduled",
      targetType: "workspace",
      targetId: workspace.id,
      metadata: { from: current, to: plan, effectiveAt: effectiveAt.toISOString() },
    });
    return { plan: current, scheduledPlan: plan, effectiveAt, chargedMinor: 0, invoice: null };
  }

  if (subscription?.status === "PAST_DUE") {
    throw new Refusal("CONFLICT", messageKey("errors.billing.pastDueUpgrade", { plan: PLAN_CAPS[current].label }));
  }
  const quote = upgradeQuote(current, plan, subscription, now);
  const label = PLAN_CAPS[plan].label;
  let invoice: string | null = null;
  if (quote.amountMinor > 0) {
    const description = quote.fresh
      ? `${label} plan, ${periodText(quote.periodStart, quote.periodEnd)}`
      : `Upgrade from ${PLAN_CAPS[current].label} to ${label}, ${quote.remaining} of ${quote.days} days (${periodText(quote.periodStart, quote.periodEnd)})`;
    const charged = await chargeWithInvoice(
      ctx.tx,
      workspace,
      {
        amountMinor: quote.amountMinor,
        description,
        plan,
        periodStart: quote.periodStart,
        periodEnd: quote.periodEnd,
        idempotencyKey: `plan-${workspace.id}-${plan}-${crypto.randomUUID()}`,
        createdById: ctx.user.id,
      },
      now,
    );
    invoice = invoiceLabel(charged.invoice.number);
  }
  const period = quote.fresh ? { currentPeriodStart: quote.periodStart, currentPeriodEnd: quote.periodEnd } : {};
  await ctx.tx.subscription.upsert({
    where: { workspaceId: workspace.id },
    create: { workspaceId: workspace.id, status: "ACTIVE", currentPeriodStart: quote.periodStart, currentPeriodEnd: quote.periodEnd },
    update: { status: "ACTIVE", ...period, scheduledPlan: null, graceEndsAt: null, lapsedFromPlan: null, lapsedAt: null },
  });
  await ctx.tx.workspace.update({ where: { id: workspace.id }, data: { plan } });
  await ctx.audit({
    action: "billing.plan_changed",
    targetType: "workspace",
    targetId: workspace.id,
    metadata: { from: current, to: plan, chargedMinor: quote.amountMinor, ...(invoice ? { invoice } : {}) },
  });
  return { plan, scheduledPlan: null, effectiveAt: null, chargedMinor: quote.amountMinor, invoice };
}

/** Keeps the current plan: the scheduled downgrade is dropped. */
export async function cancelScheduledChange(ctx: Ctx): Promise<{ plan: Plan }> {
  const workspace = await lockWorkspace(ctx.tx, ctx.workspace.id);
  const subscription = await ctx.tx.subscription.findUnique({ where: { workspaceId: workspace.id } });
  if (!subscription?.scheduledPlan) throw new Refusal("CONFLICT", messageKey("errors.billing.noScheduledChange"));
  await ctx.tx.subscription.update({ where: { workspaceId: workspace.id }, data: { scheduledPlan: null } });
  await ctx.audit({
    action: "billing.downgrade_cancelled",
    targetType: "workspace",
    targetId: workspace.id,
    metadata: { plan: workspace.plan, was: subscription.scheduledPlan, effectiveAt: utcDay(subscription.currentPeriodEnd) },
  });
  return { plan: workspace.plan };
}

/** The legal name, address and VAT id the next invoices carry; issued invoices keep what they had. */
export async function updateBillingDetails(ctx: Ctx, input: BillingDetailsOutput) {
  const before = await ctx.tx.workspace.findUniqueOrThrow({
    where: { id: ctx.workspace.id },
    select: { billingName: true, billingAddress: true, billingVatId: true },
  });
  const after = { billingName: input.legalName, billingAddress: input.address, billingVatId: input.vatId };
  await ctx.tx.workspace.update({ where: { id: ctx.workspace.id }, data: after });
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => before[key] !== after[key]);
  await ctx.audit({ action: "billing.details_updated", targetType: "workspace", targetId: ctx.workspace.id, metadata: { changed } });
  return { saved: true };
}

function transactionsWhere(workspaceId: string, filter: TransactionFilter): Prisma.BillingTransactionWhereInput {
  return {
    workspaceId,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: utcDayStart(filter.from) } : {}), ...(filter.to ? { lt: utcDayEnd(filter.to) } : {}) } }
      : {}),
  };
}

/** Every filtered transaction, newest first, up to 10,000 (the CSV export). */
export async function exportTransactions(workspaceId: string, filter: TransactionFilter) {
  return db().billingTransaction.findMany({
    where: transactionsWhere(workspaceId, filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10_000,
  });
}
