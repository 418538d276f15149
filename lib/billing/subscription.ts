import type { Tx } from "@/lib/db";
import type { Plan, Subscription } from "@/generated/prisma/client";
import { utcDay } from "@/lib/dates";
import { addMonth } from "./proration";

/**
 * The subscription row of a workspace on a paid plan. Workspace.plan is the plan in force (every cap
 * reads it); the subscription says until when it is paid for, whether its renewal is unpaid, and which
 * downgrade waits for the period's end. Free workspaces need none (a CANCELLED one is kept as history).
 */

/**
 * The subscription of a workspace, made on the first write that needs it (a plan change) for a paid
 * workspace that has none (one that was on a paid plan before subscriptions existed, or was put on one
 * directly): its first period starts now, since what it paid before bought the month it is in. The
 * renewal pass does the same for every such workspace (backfillSubscriptions); the Billing page only
 * reads, and shows a missing one as this same period (billingOverview).
 */
export async function ensureSubscription(tx: Tx, workspace: { id: string; plan: Plan }, now: Date): Promise<Subscription | null> {
  const existing = await tx.subscription.findUnique({ where: { workspaceId: workspace.id } });
  if (existing || workspace.plan === "FREE") return existing;
  await tx.$executeRaw`
    INSERT INTO "Subscription" (id, "workspaceId", status, "currentPeriodStart", "currentPeriodEnd", "createdAt", "updatedAt")
    VALUES (${`sub_${crypto.randomUUID().replaceAll("-", "")}`}, ${workspace.id}, 'ACTIVE', ${now}, ${addMonth(now)}, ${now}, ${now})
    ON CONFLICT ("workspaceId") DO NOTHING`;
  return tx.subscription.findUnique({ where: { workspaceId: workspace.id } });
}

/** "2027-01-01 – 2027-02-01": a period as invoices and descriptions write it (UTC days). */
export function periodText(start: Date, end: Date): string {
  return `${utcDay(start)} – ${utcDay(end)}`;
}
