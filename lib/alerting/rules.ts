import type { Tx } from "@/lib/db";
import { formatMinor } from "@/lib/billing/money";
import { enqueueDeliveries } from "./queue";

export type AlertEvent =
  | { kind: "INSTANCE_STOPPED" | "INSTANCE_RESTARTED"; instance: string; by: string }
  | { kind: "MEMBER_JOINED" | "MEMBER_LEFT"; email: string; role: string }
  | { kind: "BALANCE_BELOW"; balanceMinor: number; currency: string }
  | { kind: "QUOTA_ABOVE"; resource: string; usage: number; limit: number }
  | { kind: "BILLING_PAST_DUE"; stage: "past_due" | "fell_back"; plan: string; amountMinor: number; currency: string; graceEndsAt: string | null };


function describe(event: AlertEvent): { title: string; text: string } {
  switch (event.kind) {
    case "INSTANCE_STOPPED":
      return { title: `${event.instance} stopped`, text: `${event.by} stopped ${event.instance}.` };
    case "INSTANCE_RESTARTED":
      return { title: `${event.instance} restarted`, text: `${event.by} restarted ${event.instance}.` };
    case "MEMBER_JOINED":
      return { title: `${event.email} joined`, text: `${event.email} joined as ${event.role.toLowerCase()}.` };
    case "MEMBER_LEFT":
      return { title: `${event.email} left`, text: `${event.email} (${event.role.toLowerCase()}) is no longer a member.` };
    case "BALANCE_BELOW":
      return { title: "Balance is low", text: `The prepaid balance is ${formatMinor(event.balanceMinor, event.currency)}.` };
    case "QUOTA_ABOVE":
      return {
        title: `${event.resource.toLowerCase()} quota ${Math.round((event.usage / event.limit) * 100)}% used`,
        text: `${event.usage} of ${event.limit} ${event.resource.toLowerCase()} are in use.`,
      };
    case "BILLING_PAST_DUE":
      return event.stage === "past_due"
        ? {
            title: `${event.plan} renewal unpaid`,
            text: `The ${event.plan} plan's renewal of ${formatMinor(event.amountMinor, event.currency)} could not be charged from the balance. Top up by ${event.graceEndsAt?.slice(0, 10)} (UTC) or the workspace falls back to the Free plan.`,
          }
        : {
            title: "Fell back to the Free plan",
            text: `The ${event.plan} plan's renewal stayed unpaid, so the workspace is on the Free plan now. Nothing was deleted; what exceeds the Free plan is read-only.`,
          };
  }
}

function matches(event: AlertEvent, threshold: number | null): boolean {
  if (event.kind === "BALANCE_BELOW") return threshold !== null && event.balanceMinor < threshold;
  if (event.kind === "QUOTA_ABOVE") return threshold !== null && event.limit > 0 && (event.usage / event.limit) * 100 >= threshold;
  return true;
}

/** Finds the rules an event meets and stores a delivery per channel, in the caller's transaction. */
export async function emitAlert(tx: Tx, workspace: { id: string; name: string; slug: string }, event: AlertEvent): Promise<void> {
  const rules = await tx.alertRule.findMany({ where: { workspaceId: workspace.id, kind: event.kind, enabled: true } });
  const { title, text } = describe(event);
  for (const rule of rules.filter((r) => matches(event, r.threshold))) {
    await enqueueDeliveries(tx, {
      workspaceId: workspace.id,
      channelIds: rule.channelIds,
      ruleId: rule.id,
      payload: { event: event.kind, title, text, workspace, data: { ...event } },
    });
  }
}
