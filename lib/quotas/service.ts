import type { Tx } from "@/lib/db";
import { PLAN_CAPS, QUOTA_LABEL } from "@/lib/billing/plans";
import { emitAlert } from "@/lib/alerting/rules";
import { Refusal } from "@/lib/errors";
import { lockWorkspace } from "@/lib/workspaces/lock";
import type { Plan, QuotaResource } from "@/generated/prisma/enums";

import { QUOTA_RESOURCES } from "./resources";

export { QUOTA_RESOURCES };

type Client = Pick<Tx, "workspaceQuota" | "membership" | "project" | "server" | "instance" | "backup">;

/** The plan's defaults, with any limit an approved request raised (or lowered) on top. */
export async function quotaLimits(client: Client, workspaceId: string, plan: Plan): Promise<Record<QuotaResource, number>> {
  const overrides = await client.workspaceQuota.findMany({ where: { workspaceId } });
  const limits = { ...PLAN_CAPS[plan].quotas };
  for (const o of overrides) limits[o.resource] = o.limit;
  return limits;
}

// One count per resource, so a create under quota counts only what it adds to.
const COUNTERS: Record<QuotaResource, (client: Client, workspaceId: string) => Promise<number>> = {
  MEMBERS: (client, workspaceId) => client.membership.count({ where: { workspaceId } }),
  PROJECTS: (client, workspaceId) => client.project.count({ where: { workspaceId } }),
  SERVERS: (client, workspaceId) => client.server.count({ where: { workspaceId } }),
  INSTANCES: (client, workspaceId) => client.instance.count({ where: { workspaceId } }),
  BACKUPS: (client, workspaceId) => client.backup.count({ where: { instance: { workspaceId } } }),
  // API keys arrive with a later issue; the quota exists so plans and requests can name it already.
  API_KEYS: async () => 0,
};

export async function quotaUsage(client: Client, workspaceId: string): Promise<Record<QuotaResource, number>> {
  const entries = await Promise.all(QUOTA_RESOURCES.map(async (r) => [r, await COUNTERS[r](client, workspaceId)] as const));
  return Object.fromEntries(entries) as Record<QuotaResource, number>;
}

export function quotaMessage(resource: QuotaResource, limit: number): string {
  return `Quota reached: this workspace may have ${limit} ${QUOTA_LABEL[resource].toLowerCase()}. Request more under Settings → Quotas.`;
}

/**
 * Refuses one more of `resource` past the workspace's limit. Counted under the workspace lock, so of
 * two concurrent creates at the limit exactly one goes through.
 */
export async function enforceQuota(tx: Tx, workspaceId: string, resource: Exclude<QuotaResource, "MEMBERS">): Promise<void> {
  const workspace = await lockWorkspace(tx, workspaceId);
  const [limits, used] = await Promise.all([quotaLimits(tx, workspaceId, workspace.plan), COUNTERS[resource](tx, workspaceId)]);
  if (used + 1 > limits[resource]) {
    throw new Refusal("LIMIT", quotaMessage(resource, limits[resource])).withHelp({
      label: "Request more",
      href: `/${workspace.slug}/settings/quotas?resource=${resource}`,
    });
  }
  await emitAlert(tx, workspace, { kind: "QUOTA_ABOVE", resource: QUOTA_LABEL[resource], usage: used + 1, limit: limits[resource] });
}

export async function memberLimit(tx: Tx, workspaceId: string, plan: Plan): Promise<number> {
  return (await quotaLimits(tx, workspaceId, plan)).MEMBERS;
}
