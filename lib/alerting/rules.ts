import type { Tx } from "@/lib/db";
import { describeAlert, type AlertEvent } from "./describe";
import { enqueueDeliveries } from "./queue";

export type { AlertEvent } from "./describe";

function matches(event: AlertEvent, threshold: number | null): boolean {
  if (event.kind === "BALANCE_BELOW") return threshold !== null && event.balanceMinor < threshold;
  if (event.kind === "QUOTA_ABOVE") return threshold !== null && event.limit > 0 && (event.usage / event.limit) * 100 >= threshold;
  return true;
}

/** Finds the rules an event meets and stores a delivery per channel, in the caller's transaction. */
export async function emitAlert(tx: Tx, workspace: { id: string; name: string; slug: string }, event: AlertEvent): Promise<void> {
  const rules = await tx.alertRule.findMany({ where: { workspaceId: workspace.id, kind: event.kind, enabled: true } });
  const { title, text } = describeAlert(event);
  for (const rule of rules.filter((r) => matches(event, r.threshold))) {
    await enqueueDeliveries(tx, {
      workspaceId: workspace.id,
      channelIds: rule.channelIds,
      ruleId: rule.id,
      payload: { event: event.kind, title, text, workspace, data: { ...event } },
    });
  }
}
