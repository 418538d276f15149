import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { PLAN_CAPS } from "@/lib/billing/plans";
import type { Plan, QuotaResource } from "@/generated/prisma/enums";
import { QUOTA_RESOURCES } from "./resources";

export type QuotaClient = Pick<Tx, "workspaceQuota" | "membership" | "project" | "server" | "instance" | "backup" | "apiKey">;

/** The plan's defaults, with any limit an approved request raised (or lowered) on top. */
export async function quotaLimits(client: QuotaClient, workspaceId: string, plan: Plan): Promise<Record<QuotaResource, number>> {
  const overrides = await client.workspaceQuota.findMany({ where: { workspaceId } });
  const limits = { ...PLAN_CAPS[plan].quotas };
  for (const o of overrides) limits[o.resource] = o.limit;
  return limits;
}

// One count per resource, so a create under quota counts only what it adds to.
const COUNTERS: Record<QuotaResource, (client: QuotaClient, workspaceId: string) => Promise<number>> = {
  MEMBERS: (client, workspaceId) => client.membership.count({ where: { workspaceId } }),
  PROJECTS: (client, workspaceId) => client.project.count({ where: { workspaceId } }),
  SERVERS: (client, workspaceId) => client.server.count({ where: { workspaceId } }),
  INSTANCES: (client, workspaceId) => client.instance.count({ where: { workspaceId } }),
  BACKUPS: (client, workspaceId) => client.backup.count({ where: { instance: { workspaceId } } }),
  // Keys that still work: a revoked or expired key frees its place.
  API_KEYS: (client, workspaceId) =>
    client.apiKey.count({ where: { workspaceId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } }),
};

export async function quotaUsage(client: QuotaClient, workspaceId: string): Promise<Record<QuotaResource, number>> {
  const entries = await Promise.all(QUOTA_RESOURCES.map(async (r) => [r, await COUNTERS[r](client, workspaceId)] as const));
  return Object.fromEntries(entries) as Record<QuotaResource, number>;
}

/** How many of one resource the workspace holds now; callers that must not be raced hold the workspace lock. */
export function quotaCount(client: QuotaClient, workspaceId: string, resource: QuotaResource): Promise<number> {
  return COUNTERS[resource](client, workspaceId);
}

export async function memberLimit(tx: Tx, workspaceId: string, plan: Plan): Promise<number> {
  return (await quotaLimits(tx, workspaceId, plan)).MEMBERS;
}

export async function listQuotaRequests(workspaceId: string) {
  return db().quotaRequest.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, take: 50 });
}

/** The operators' queue, across workspaces; a deleted workspace's requests wait with it, out of sight. */
export async function listAllQuotaRequests() {
  return db().quotaRequest.findMany({
    where: { workspace: { deletedAt: null } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 200,
    include: { workspace: { select: { name: true, slug: true } } },
  });
}
