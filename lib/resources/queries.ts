import type { WorkspaceContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import type { Environment, InstanceStatus, LogKind } from "@/generated/prisma/client";
import { cappedCountSql, COUNT_CAP, cutKeysetPage, keysetSql, pagePosition, textValues, type PagePosition } from "@/lib/api/pagination";
import { containsPattern } from "@/lib/db/like-pattern";
import type { PageLink } from "@/lib/schemas";

export const PAGE_SIZE = 25;

/** The projects and servers a caller may see, as query filters: everything from Admin up, else the allow-lists. */
export function visibleProjectsWhere(ctx: WorkspaceContext): Prisma.ProjectWhereInput {
  const { allow } = ctx.permissions;
  if (allow === "all") return { workspaceId: ctx.workspace.id };
  if (!ctx.can("projects.access")) return { id: { in: [] } };
  return { workspaceId: ctx.workspace.id, id: { in: [...allow.projects] } };
}

export function visibleServersWhere(ctx: WorkspaceContext): Prisma.ServerWhereInput {
  const { allow } = ctx.permissions;
  if (allow === "all") return { workspaceId: ctx.workspace.id };
  return { workspaceId: ctx.workspace.id, id: { in: [...allow.servers] } };
}

export function visibleInstancesWhere(ctx: WorkspaceContext): Prisma.InstanceWhereInput {
  const { allow } = ctx.permissions;
  if (allow === "all") return { workspaceId: ctx.workspace.id };
  return { workspaceId: ctx.workspace.id, OR: [{ id: { in: [...allow.instances] } }, { projectId: { in: [...allow.projects] } }] };
}

/** A (name, id) cursor: the lists of projects, servers and instances are in name order. */
const nameCursor = (row: { name: string; id: string }) => [row.name, row.id];

/** A name search's condition on a table alias ("contains", any case): read off the name's trigram index. */
function nameMatches(alias: string, search: string): Prisma.Sql {
  return search ? Prisma.sql`${Prisma.raw(alias)}.name ILIKE ${containsPattern(search)}` : Prisma.sql`TRUE`;
}

export interface ResourceListOptions {
  search?: string;
  link?: PageLink;
}

/**
 * One page of the projects the caller may see, in name order, searched by name, with each one's instance
 * count and the (capped) total, in one statement. Read by keyset off the (workspaceId, name) index.
 */
export async function listProjects(ctx: WorkspaceContext, options: ResourceListOptions = {}) {
  const search = options.search?.trim() ?? "";
  const position = pagePosition(options.link ?? {}, 2, textValues);
  const keyset = keysetSql(position, "asc", ["p.name", "p.id"]);
  const where = Prisma.sql`p."workspaceId" = ${ctx.workspace.id} AND ${visibleSql(ctx, "project", "p")} AND ${nameMatches("p", search)}`;
  const rows = await db().$queryRaw<{ id: string; name: string; repositoryUrl: string; branches: string[]; instanceCount: number; total: number }[]>`
    SELECT p.id, p.name, p."repositoryUrl", p.branches,
      (SELECT count(*)::int FROM "Instance" i WHERE i."workspaceId" = p."workspaceId" AND i."projectId" = p.id) AS "instanceCount",
      ${cappedCountSql(Prisma.sql`FROM "Project" p WHERE ${where}`)} AS total
    FROM "Project" p
    WHERE ${where} AND ${keyset.where}
    ORDER BY ${keyset.orderBy}
    LIMIT ${PAGE_SIZE + 1}`;
  const { rows: projects, ...page } = await resourcePage(rows, position, Prisma.sql`FROM "Project" p WHERE ${where}`);
  return { ...page, projects };
}

/** One page of the servers the caller may see, like listProjects. */
export async function listServers(ctx: WorkspaceContext, options: ResourceListOptions = {}) {
  const search = options.search?.trim() ?? "";
  const position = pagePosition(options.link ?? {}, 2, textValues);
  const keyset = keysetSql(position, "asc", ["s.name", "s.id"]);
  const where = Prisma.sql`s."workspaceId" = ${ctx.workspace.id} AND ${visibleSql(ctx, "server", "s")} AND ${nameMatches("s", search)}`;
  const rows = await db().$queryRaw<{ id: string; name: string; region: string; address: string; instanceCount: number; total: number }[]>`
    SELECT s.id, s.name, s.region, s.address,
      (SELECT count(*)::int FROM "Instance" i WHERE i."serverId" = s.id) AS "instanceCount",
      ${cappedCountSql(Prisma.sql`FROM "Server" s WHERE ${where}`)} AS total
    FROM "Server" s
    WHERE ${where} AND ${keyset.where}
    ORDER BY ${keyset.orderBy}
    LIMIT ${PAGE_SIZE + 1}`;
  const { rows: servers, ...page } = await resourcePage(rows, position, Prisma.sql`FROM "Server" s WHERE ${where}`);
  return { ...page, servers };
}

/**
 * One page of the instances the caller may see, in name order, searched by name, with parent names and the
 * (capped) total, in one statement. The page is cut by keyset off the (workspaceId, name) index before
 * parents are joined.
 */
export async function listInstances(ctx: WorkspaceContext, options: ResourceListOptions & { projectId?: string } = {}) {
  const search = options.search?.trim() ?? "";
  const position = pagePosition(options.link ?? {}, 2, textValues);
  const keyset = keysetSql(position, "asc", ["i.name", "i.id"]);
  const inProject = options.projectId ? Prisma.sql`i."projectId" = ${options.projectId}` : Prisma.sql`TRUE`;
  const where = Prisma.sql`i."workspaceId" = ${ctx.workspace.id} AND ${visibleSql(ctx, "instance", "i")} AND ${inProject} AND ${nameMatches("i", search)}`;
  const rows = await db().$queryRaw<
    { id: string; name: string; environment: Environment; status: InstanceStatus; projectId: string; project: { name: string }; server: { name: string }; total: number }[]
  >`
    SELECT i.id, i.name, i.environment::text AS environment, i.status::text AS status, i."projectId",
      json_build_object('name', p.name) AS project, json_build_object('name', s.name) AS server,
      ${cappedCountSql(Prisma.sql`FROM "Instance" i WHERE ${where}`)} AS total
    FROM (
      SELECT * FROM "Instance" i
      WHERE ${where} AND ${keyset.where}
      ORDER BY ${keyset.orderBy}
      LIMIT ${PAGE_SIZE + 1}
    ) i JOIN "Project" p ON p.id = i."projectId" JOIN "Server" s ON s.id = i."serverId"
    ORDER BY ${keyset.orderBy}`;
  const { rows: instances, ...page } = await resourcePage(rows, position, Prisma.sql`FROM "Instance" i WHERE ${where}`);
  return { ...page, instances };
}

/** Cuts a resource list's page; the total rides on its rows, and only a page with none asks for it alone. */
async function resourcePage<T extends { id: string; name: string; total: number }>(rows: T[], position: PagePosition<[string, string]> | null, counted: Prisma.Sql) {
  const total = rows[0]?.total ?? (position ? await countRows(counted) : 0);
  return { total, ...cutKeysetPage(rows.map(({ total: _total, ...row }): Omit<T, "total"> => row), PAGE_SIZE, position, nameCursor) };
}

async function countRows(counted: Prisma.Sql): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT ${cappedCountSql(counted)} AS n`;
  return row?.n ?? 0;
}

/**
 * The rules of the visible*Where filters above as SQL on a table alias, for statements that read
 * several kinds at once. The workspace condition is the caller's.
 */
function visibleSql(ctx: ResourceViewer, kind: "project" | "server" | "instance", alias: string): Prisma.Sql {
  const { allow } = ctx.permissions;
  if (allow === "all") return Prisma.sql`TRUE`;
  const t = Prisma.raw(alias);
  if (kind === "project") return ctx.can("projects.access") ? Prisma.sql`${t}.id = ANY(${[...allow.projects]}::text[])` : Prisma.sql`FALSE`;
  if (kind === "server") return Prisma.sql`${t}.id = ANY(${[...allow.servers]}::text[])`;
  return Prisma.sql`(${t}.id = ANY(${[...allow.instances]}::text[]) OR ${t}."projectId" = ANY(${[...allow.projects]}::text[]))`;
}

/** Who is counting: the workspace and the caller's permissions in it (a member's context, or the same built from a membership row). */
export type ResourceViewer = Pick<WorkspaceContext, "permissions" | "can"> & { workspace: Pick<WorkspaceContext["workspace"], "id"> };

/**
 * A JSON expression of how many projects, servers and instances the caller may see, for a larger statement.
 * `capped`: each count stops at COUNT_CAP + 1 (a list of many workspaces shows "1,000+" rather than count them all).
 */
export function resourceCountsSql(ctx: ResourceViewer, options: { capped?: boolean } = {}): Prisma.Sql {
  const workspaceId = ctx.workspace.id;
  const count = (from: Prisma.Sql) => (options.capped ? cappedCountSql(from) : Prisma.sql`(SELECT count(*)::int ${from})`);
  return Prisma.sql`json_build_object(
    'projects', ${count(Prisma.sql`FROM "Project" p WHERE p."workspaceId" = ${workspaceId} AND ${visibleSql(ctx, "project", "p")}`)},
    'servers', ${count(Prisma.sql`FROM "Server" s WHERE s."workspaceId" = ${workspaceId} AND ${visibleSql(ctx, "server", "s")}`)},
    'instances', ${count(Prisma.sql`FROM "Instance" i WHERE i."workspaceId" = ${workspaceId} AND ${visibleSql(ctx, "instance", "i")}`)})`;
}

type ResourceCounts = { projects: number; servers: number; instances: number };

/**
 * The capped resource counts of many workspaces, each as its viewer may see them, in one statement of one
 * fixed shape: the viewers travel as one JSON parameter (their allow-lists as arrays), so the statement's
 * plan does not grow with the number of workspaces and the rules are visibleSql's, row by row.
 */
export async function cappedResourceCounts(viewers: ResourceViewer[]): Promise<Map<string, ResourceCounts>> {
  if (viewers.length === 0) return new Map();
  const spec = viewers.map((ctx) => {
    const { allow } = ctx.permissions;
    return allow === "all"
      ? { workspaceId: ctx.workspace.id, everything: true, projectsAccess: true, projects: [], servers: [], instances: [] }
      : { workspaceId: ctx.workspace.id, everything: false, projectsAccess: ctx.can("projects.access"), projects: [...allow.projects], servers: [...allow.servers], instances: [...allow.instances] };
  });
  const cap = COUNT_CAP + 1;
  // Each count's ORDER BY matches its table's ("workspaceId", name) index, and says nothing about the
  // count: it is there so the planner walks that index and stops at the cap. Without it, where one
  // workspace holds most of a table the statistics say "workspaceId = ?" matches nearly every row, and the
  // planner scans the whole table once per listed workspace (10,000 instances × 20 rows: 32 ms instead of 5).
  const rows = await db().$queryRaw<{ workspaceId: string; resources: ResourceCounts }[]>`
    SELECT v."workspaceId", json_build_object(
      'projects', (SELECT count(*)::int FROM (SELECT 1 FROM "Project" p WHERE p."workspaceId" = v."workspaceId"
        AND (v.everything OR (v."projectsAccess" AND p.id = ANY(v.projects))) ORDER BY p.name LIMIT ${cap}) c),
      'servers', (SELECT count(*)::int FROM (SELECT 1 FROM "Server" s WHERE s."workspaceId" = v."workspaceId"
        AND (v.everything OR s.id = ANY(v.servers)) ORDER BY s.name LIMIT ${cap}) c),
      'instances', (SELECT count(*)::int FROM (SELECT 1 FROM "Instance" i WHERE i."workspaceId" = v."workspaceId"
        AND (v.everything OR i.id = ANY(v.instances) OR i."projectId" = ANY(v.projects)) ORDER BY i.name LIMIT ${cap}) c)) AS resources
    FROM json_to_recordset(${JSON.stringify(spec)}::json)
      AS v("workspaceId" text, everything boolean, "projectsAccess" boolean, projects text[], servers text[], instances text[])`;
  return new Map(rows.map((row) => [row.workspaceId, row.resources]));
}

// Logs, backups and merges carry no workspaceId of their own: each is scoped through the row it belongs to, so
// an instance or project id from another workspace reads nothing even if a caller forgot to check it first.

/** The latest 100 lines of one kind, newest first, off the (instanceId, kind, createdAt desc) index. */
export async function listLogs(workspaceId: string, instanceId: string, kind: LogKind | undefined) {
  return db().logEntry.findMany({
    where: { instanceId, instance: { workspaceId }, ...(kind ? { kind } : {}) },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, level: true, message: true, createdAt: true },
  });
}

export async function listBackups(workspaceId: string, instanceId: string) {
  return db().backup.findMany({
    where: { instanceId, instance: { workspaceId } },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, sizeBytes: true, createdAt: true, restoredAt: true },
  });
}

export async function recentMerges(workspaceId: string, projectId: string) {
  return db().projectMerge.findMany({ where: { projectId, project: { workspaceId } }, orderBy: { createdAt: "desc" }, take: 10 });
}

/** The create-instance dialog's choices, both lists in one statement. */
export async function instanceParents(workspaceId: string) {
  const [row] = await db().$queryRaw<{ projects: { id: string; name: string }[] | null; servers: { id: string; name: string }[] | null }[]>`
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Project" WHERE "workspaceId" = ${workspaceId}) AS projects,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Server" WHERE "workspaceId" = ${workspaceId}) AS servers`;
  return { projects: row?.projects ?? [], servers: row?.servers ?? [] };
}
