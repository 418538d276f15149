import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { PLAN_CAPS } from "@/lib/billing/plans";
import type { Plan, QuotaRequestStatus, QuotaResource } from "@/generated/prisma/enums";
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

/** A timestamp column as json_build_object writes it (UTC without the zone). */
const utcTimestamp = (text: string) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);

/**
 * Everything the Quotas page shows, in one statement: each resource's limit (the plan's, or an approved
 * override) and what the workspace holds of it, counted as the COUNTERS above count, and the latest 50
 * requests. A display only: a create under quota counts again under the workspace lock.
 */
export async function quotasOverview(workspaceId: string, plan: Plan, now = new Date()) {
  const [row] = await db().$queryRaw<
    {
      overrides: { resource: QuotaResource; limit: number }[];
      usage: Record<QuotaResource, number>;
      requests: { id: string; resource: QuotaResource; requestedLimit: number; reason: string; status: QuotaRequestStatus; decidedAt: string | null; createdAt: string }[];
    }[]
  >`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('resource', q.resource, 'limit', q."limit")), '[]'::json)
         FROM "WorkspaceQuota" q WHERE q."workspaceId" = ${workspaceId}) AS overrides,
      json_build_object(
        'MEMBERS', (SELECT count(*)::int FROM "Membership" WHERE "workspaceId" = ${workspaceId}),
        'PROJECTS', (SELECT count(*)::int FROM "Project" WHERE "workspaceId" = ${workspaceId}),
        'SERVERS', (SELECT count(*)::int FROM "Server" WHERE "workspaceId" = ${workspaceId}),
        'INSTANCES', (SELECT count(*)::int FROM "Instance" WHERE "workspaceId" = ${workspaceId}),
        'BACKUPS', (SELECT count(*)::int FROM "Backup" b JOIN "Instance" i ON i.id = b."instanceId" WHERE i."workspaceId" = ${workspaceId}),
        'API_KEYS', (SELECT count(*)::int FROM "ApiKey" WHERE "workspaceId" = ${workspaceId} AND "revokedAt" IS NULL
                      AND ("expiresAt" IS NULL OR "expiresAt" > ${now}))
      ) AS usage,
      (SELECT coalesce(json_agg(r ORDER BY r."createdAt" DESC, r.id DESC), '[]'::json) FROM (
         SELECT id, resource, "requestedLimit", reason, status, "decidedAt", "createdAt" FROM "QuotaRequest"
         WHERE "workspaceId" = ${workspaceId} ORDER BY "createdAt" DESC, id DESC LIMIT 50) r) AS requests`;
  const limits = { ...PLAN_CAPS[plan].quotas };
  for (const o of row?.overrides ?? []) limits[o.resource] = o.limit;
  const usage = row?.usage ?? { MEMBERS: 0, PROJECTS: 0, SERVERS: 0, INSTANCES: 0, BACKUPS: 0, API_KEYS: 0 };
  const requests = (row?.requests ?? []).map((r) => ({ ...r, decidedAt: r.decidedAt === null ? null : utcTimestamp(r.decidedAt), createdAt: utcTimestamp(r.createdAt) }));
  return { limits, usage, requests };
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
