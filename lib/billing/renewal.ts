import { Prisma, type Plan } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { emitAlert } from "@/lib/alerting/rules";
import { db, type Tx } from "@/lib/db";
import { escapeHtml } from "@/lib/email";
import { enqueueEmail } from "@/lib/email/outbox";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { recipientLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";
import { lockWorkspace, type LockedWorkspace } from "@/lib/workspaces/lock";
import { chargeWithInvoice, invoiceLabel } from "./ledger";
import { PLAN_CAPS, PLANS } from "./plans";
import { addMonth, DAY_MS } from "./proration";
import { periodText } from "./subscription";

/**
 * The renewal pass the queue worker runs (lib/queue/worker.ts): at a period's end it charges the
 * balance for the next month (a CHARGE and its invoice); a balance that cannot pay makes the
 * subscription PAST_DUE for BILLING_GRACE_DAYS (default 7), telling owners and admins by email and
 * the workspace's alert rules; a top-up during the grace lets the next pass renew it; once the grace is
 * over the workspace falls back to Free. Nothing is deleted: what exceeds Free stays, and creating more
 * of it is refused (lib/quotas/service.ts says why). Every function takes `now`, so tests move the clock.
 */

export function graceDays(): number {
  const days = Number(process.env.BILLING_GRACE_DAYS ?? 7);
  return Number.isInteger(days) && days >= 0 && days <= 365 ? days : 7;
}

export type RenewalOutcome = "renewed" | "downgraded" | "past_due" | "fell_back";

/** One pass: subscriptions for paid workspaces that lack one, then every due subscription. Returns how many changed. */
export async function renewSubscriptions(now: Date = new Date(), limit = 50): Promise<number> {
  let changed = await backfillSubscriptions(now, limit);
  for (const workspaceId of await dueSubscriptions(now, limit)) {
    try {
      if (await renewSubscription(workspaceId, now)) changed += 1;
    } catch (error) {
      // One workspace's failure must not hold up the others; it is due again on the next pass.
      console.error(`[renewal] ${workspaceId}:`, error instanceof Error ? error.message : error);
    }
  }
  return changed;
}

const IDLE_PAUSE_MS = 30_000;
let idleUntil = 0;

/**
 * The worker's entry: every server runs it every tick, so a pass that found nothing rests for 30
 * seconds. Instances share the work safely: each renewal locks its workspace and re-reads the
 * subscription, so of two instances the second finds it renewed already.
 */
export async function runRenewalPass(): Promise<number> {
  if (Date.now() < idleUntil) return 0;
  const changed = await renewSubscriptions(new Date());
  if (changed === 0) idleUntil = Date.now() + IDLE_PAUSE_MS;
  return changed;
}

/**
 * Paid workspaces without a subscription (on a paid plan from before subscriptions, or put on one
 * directly) get one whose first period starts now, like ensureSubscription does on first use.
 */
async function backfillSubscriptions(now: Date, limit: number): Promise<number> {
  return db().$executeRaw`
    INSERT INTO "Subscription" (id, "workspaceId", status, "currentPeriodStart", "currentPeriodEnd", "createdAt", "updatedAt")
    SELECT 'sub_' || replace(gen_random_uuid()::text, '-', ''), w.id, 'ACTIVE', ${now}, ${addMonth(now)}, ${now}, ${now}
    FROM "Workspace" w
    WHERE w.plan <> 'FREE' AND w."deletedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Subscription" s WHERE s."workspaceId" = w.id)
    LIMIT ${limit}
    ON CONFLICT ("workspaceId") DO NOTHING`;
}

/** The price the next renewal charges: the scheduled plan's, else the current one's. */
const renewalPrice = Prisma.sql`CASE COALESCE(s."scheduledPlan", w.plan)::text ${Prisma.join(
  PLANS.map((plan) => Prisma.sql`WHEN ${plan} THEN ${PLAN_CAPS[plan].priceMinor}::int`),
  " ",
)} ELSE 0 END`;

/**
 * What a pass has to do: ACTIVE subscriptions whose period ended, and PAST_DUE ones whose grace is over
 * or whose balance now covers the renewal (a top-up arrived). A past-due one that still cannot pay is
 * not picked, so a pass that changes nothing finds nothing.
 */
async function dueSubscriptions(now: Date, limit: number): Promise<string[]> {
  const rows = await db().$queryRaw<{ workspaceId: string }[]>`
    SELECT s."workspaceId" FROM "Subscription" s JOIN "Workspace" w ON w.id = s."workspaceId"
    WHERE w."deletedAt" IS NULL AND (
      (s.status = 'ACTIVE' AND s."currentPeriodEnd" <= ${now})
      OR (s.status = 'PAST_DUE' AND (s."graceEndsAt" <= ${now} OR w."balanceMinor" >= ${renewalPrice}))
    )
    ORDER BY s."currentPeriodEnd"
    LIMIT ${limit}`;
  return rows.map((row) => row.workspaceId);
}

/** Renews one workspace's subscription if it is due, under its lock; what happened, or null if nothing was due. */
export async function renewSubscription(workspaceId: string, now: Date): Promise<RenewalOutcome | null> {
  return db().$transaction(
    async (tx) => {
      const workspace = await lockWorkspace(tx, workspaceId);
      if (workspace.deletedAt) return null;
      const subscription = await tx.subscription.findUnique({ where: { workspaceId } });
      if (!subscription || subscription.status === "CANCELLED") return null;
      if (subscription.status === "ACTIVE" && subscription.currentPeriodEnd > now) return null;

      const next: Plan = subscription.scheduledPlan ?? workspace.plan;
      if (next === "FREE") {
        await tx.workspace.update({ where: { id: workspaceId }, data: { plan: "FREE" } });
        await tx.subscription.update({ where: { workspaceId }, data: { status: "CANCELLED", scheduledPlan: null, graceEndsAt: null } });
        await audit(tx, workspace, "billing.plan_changed", { from: workspace.plan, to: "FREE", reason: "scheduled_downgrade" });
        return "downgraded";
      }

      const price = PLAN_CAPS[next].priceMinor;
      if (workspace.balanceMinor >= price) {
        // The next period follows the last one, the grace days included (the plan was in force); a
        // subscription left unrenewed longer than a month (the servers were down) starts afresh now.
        let start = subscription.currentPeriodEnd;
        if (addMonth(start) <= now) start = now;
        const end = addMonth(start);
        const { invoice } = await chargeWithInvoice(
          tx,
          workspace,
          {
            amountMinor: price,
            description: `${PLAN_CAPS[next].label} plan, ${periodText(start, end)}`,
            plan: next,
            periodStart: start,
            periodEnd: end,
            idempotencyKey: `renewal-${subscription.id}-${start.toISOString()}`,
            createdById: null,
          },
          now,
        );
        await tx.subscription.update({
          where: { workspaceId },
          data: { status: "ACTIVE", currentPeriodStart: start, currentPeriodEnd: end, scheduledPlan: null, graceEndsAt: null },
        });
        if (next !== workspace.plan) await tx.workspace.update({ where: { id: workspaceId }, data: { plan: next } });
        await audit(tx, workspace, "billing.renewed", { plan: next, from: workspace.plan, amountMinor: price, invoice: invoiceLabel(invoice.number) });
        return "renewed";
      }

      if (subscription.status === "ACTIVE") {
        const graceEndsAt = new Date(now.getTime() + graceDays() * DAY_MS);
        await tx.subscription.update({ where: { workspaceId }, data: { status: "PAST_DUE", graceEndsAt } });
        await tell(tx, workspace, { stage: "past_due", plan: next, priceMinor: price, graceEndsAt });
        await audit(tx, workspace, "billing.past_due", { plan: next, amountMinor: price, balanceMinor: workspace.balanceMinor, graceEndsAt: graceEndsAt.toISOString() });
        return "past_due";
      }

      if (subscription.graceEndsAt && subscription.graceEndsAt <= now) {
        await tx.workspace.update({ where: { id: workspaceId }, data: { plan: "FREE" } });
        await tx.subscription.update({
          where: { workspaceId },
          data: { status: "CANCELLED", scheduledPlan: null, graceEndsAt: null, lapsedFromPlan: workspace.plan, lapsedAt: now },
        });
        await tell(tx, workspace, { stage: "fell_back", plan: workspace.plan, priceMinor: price, graceEndsAt: null });
        await audit(tx, workspace, "billing.fell_back", { from: workspace.plan, to: "FREE", amountMinor: price });
        return "fell_back";
      }
      return null;
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

function audit(tx: Tx, workspace: LockedWorkspace, action: string, metadata: Prisma.InputJsonObject) {
  return recordAudit(tx, { workspaceId: workspace.id, actorId: null, action, targetType: "workspace", targetId: workspace.id, metadata });
}

/** The origin for links in mail sent from the worker, where there is no request: APP_URL or AUTH_URL. */
function configuredOrigin(): string | null {
  const configured = process.env.APP_URL ?? process.env.AUTH_URL;
  try {
    return configured ? new URL(configured).origin : null;
  } catch {
    return null;
  }
}

/** Owners and admins by email (through the outbox), and the workspace's alert rules for BILLING_PAST_DUE. */
async function tell(
  tx: Tx,
  workspace: LockedWorkspace,
  event: { stage: "past_due" | "fell_back"; plan: Plan; priceMinor: number; graceEndsAt: Date | null },
) {
  const label = PLAN_CAPS[event.plan].label;
  const origin = configuredOrigin();
  const link = origin ? `${origin}/${workspace.slug}/settings/billing` : null;
  const recipients = await tx.membership.findMany({
    where: { workspaceId: workspace.id, role: { in: ["OWNER", "ADMIN"] } },
    select: { user: { select: { email: true, locale: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const { user } of recipients) {
    // Each owner and admin reads it in their own language.
    const locale = recipientLocale(user.locale);
    const t = translatorFor(locale, "billing.emails");
    const values = {
      workspace: workspace.name,
      plan: label,
      price: formatMoney(event.priceMinor, workspace.currency, locale),
      balance: formatMoney(workspace.balanceMinor, workspace.currency, locale),
      day: event.graceEndsAt ? formatDate(event.graceEndsAt, locale) : "",
    };
    const [subject, paragraphs] =
      event.stage === "past_due"
        ? [t("pastDueSubject", values), [t("pastDueIntro", values), t("pastDueAction", values)]]
        : [t("fellBackSubject", values), [t("fellBackIntro", values), t("fellBackAction", values)]];
    const where = t("where", { workspace: workspace.name });
    await enqueueEmail(tx, {
      kind: "billing",
      workspaceId: workspace.id,
      to: user.email,
      subject,
      text: `${paragraphs.join("\n\n")}\n\n${link ? `${t("billingLink")}: ${link}` : where}`,
      html: `${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}<p>${link ? `<a href="${escapeHtml(link)}">${escapeHtml(t("openBilling"))}</a>` : escapeHtml(where)}</p>`,
    });
  }
  await emitAlert(tx, workspace, {
    kind: "BILLING_PAST_DUE",
    stage: event.stage,
    plan: label,
    amountMinor: event.priceMinor,
    currency: workspace.currency,
    graceEndsAt: event.graceEndsAt ? event.graceEndsAt.toISOString() : null,
  });
}
