import type { WorkspaceActionContext } from "@/lib/authz/types";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { Refusal } from "@/lib/errors";
import { seatsInUse } from "./seats";
import { quotaLimits, quotaUsage } from "@/lib/quotas/queries";
import { QUOTA_RESOURCES } from "@/lib/quotas/resources";
import { emitAlert } from "@/lib/alerting/rules";
import { lockWorkspace, type LockedWorkspace } from "@/lib/workspaces/lock";
import type { Plan, Prisma, TransactionType } from "@/generated/prisma/client";
import { utcDayEnd, utcDayStart } from "@/lib/dates";
import { formatMinor } from "./money";
import { PLAN_CAPS, PLAN_RANK, QUOTA_LABEL } from "./plans";
import type { TransactionFilter } from "./schemas";
import { paymentProviderName, stripeClient } from "./stripe";

type Ctx = WorkspaceActionContext;

/** Moves the balance and writes the ledger row with the balance after it; the caller holds the workspace lock. */
async function post(
  tx: Tx,
  workspace: LockedWorkspace,
  entry: { type: TransactionType; amountMinor: number; description: string; provider: string; isTest: boolean; idempotencyKey: string; createdById: string | null },
) {
  const { balanceMinor, currency } = workspace;
  const after = balanceMinor + entry.amountMinor;
  if (after < 0) throw new Refusal("LIMIT", `The balance (${formatMinor(balanceMinor, currency)}) does not cover ${formatMinor(-entry.amountMinor, currency)}. Top up first.`);
  await tx.workspace.update({ where: { id: workspace.id }, data: { balanceMinor: after } });
  if (entry.amountMinor < 0) await emitAlert(tx, workspace, { kind: "BALANCE_BELOW", balanceMinor: after, currency });
  return tx.billingTransaction.create({
    data: { workspaceId: workspace.id, currency, status: "COMPLETED", balanceAfterMinor: after, completedAt: new Date(), ...entry },
  });
}

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
      outcome.error = error instanceof Error ? error.message : "The payment provider could not be reached.";
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
    const pending = await tx.billingTransaction.findUnique({ where: { id: transactionId } });
    if (!pending || pending.provider !== "stripe") return "ignored";
    const { balanceMinor } = await lockWorkspace(tx, pending.workspaceId);
    const current = await tx.billingTransaction.findUniqueOrThrow({ where: { id: transactionId } });
    if (current.status !== "PENDING") return "ignored";
    if (amountTotal !== null && amountTotal !== current.amountMinor) {
      await tx.billingTransaction.update({ where: { id: current.id }, data: { status: "FAILED", completedAt: new Date() } });
      await recordAudit(tx, {
        workspaceId: current.workspaceId,
        actorId: null,
        action: "billing.topup_failed",
        targetType: "transaction",
        targetId: current.id,
        metadata: { reason: "amount_mismatch", expectedMinor: current.amountMinor, paidMinor: amountTotal, provider: "stripe" },
      });
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

/** A Checkout session that expired or whose payment failed: its top-up fails, if it is still pending. */
export async function failStripeTopUp(transactionId: string, reason: "expired" | "payment_failed"): Promise<"failed" | "ignored"> {
  return db().$transaction(async (tx) => {
    const pending = await tx.billingTransaction.findUnique({ where: { id: transactionId } });
    if (!pending || pending.provider !== "stripe") return "ignored";
    await lockWorkspace(tx, pending.workspaceId);
    const current = await tx.billingTransaction.findUniqueOrThrow({ where: { id: transactionId } });
    if (current.status !== "PENDING") return "ignored";
    await tx.billingTransaction.update({ where: { id: current.id }, data: { status: "FAILED", completedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: current.workspaceId,
      actorId: null,
      action: "billing.topup_failed",
      targetType: "transaction",
      targetId: current.id,
      metadata: { reason, provider: "stripe" },
    });
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

/** Upgrades take effect at once and charge the new plan's first month; downgrades wait until usage fits. */
export async function changePlan(ctx: Ctx, plan: Plan) {
  const workspace = await lockWorkspace(ctx.tx, ctx.workspace.id);
  const current = workspace.plan;
  if (plan === current) return { plan };
  if (PLAN_RANK[plan] < PLAN_RANK[current]) {
    const blockers = await downgradeBlockers(ctx.tx, ctx.workspace.id, plan);
    if (blockers.length > 0) {
      throw new Refusal("CONFLICT", `Can't move to ${PLAN_CAPS[plan].label} while the workspace has ${blockers.join("; ")}.`);
    }
  } else if (PLAN_CAPS[plan].priceMinor > 0) {
    await post(ctx.tx, workspace, {
      type: "CHARGE",
      amountMinor: -PLAN_CAPS[plan].priceMinor,
      description: `${PLAN_CAPS[plan].label} plan, first month`,
      provider: "balance",
      isTest: false,
      idempotencyKey: `plan-${ctx.workspace.id}-${plan}-${Date.now()}`,
      createdById: ctx.user.id,
    });
  }
  await ctx.tx.workspace.update({ where: { id: ctx.workspace.id }, data: { plan } });
  await ctx.audit({ action: "billing.plan_changed", targetType: "workspace", targetId: ctx.workspace.id, metadata: { from: current, to: plan } });
  return { plan };
}

export const TRANSACTIONS_PAGE_SIZE = 25;

function transactionsWhere(workspaceId: string, filter: TransactionFilter): Prisma.BillingTransactionWhereInput {
  return {
    workspaceId,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: utcDayStart(filter.from) } : {}), ...(filter.to ? { lt: utcDayEnd(filter.to) } : {}) } }
      : {}),
  };
}

export async function listTransactions(workspaceId: string, filter: TransactionFilter, all = false) {
  const where = transactionsWhere(workspaceId, filter);
  const page = filter.page ?? 1;
  const [total, rows] = await Promise.all([
    db().billingTransaction.count({ where }),
    db().billingTransaction.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: all ? 0 : (page - 1) * TRANSACTIONS_PAGE_SIZE,
      take: all ? 10_000 : TRANSACTIONS_PAGE_SIZE,
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / TRANSACTIONS_PAGE_SIZE)), rows };
}
