import type { WorkspaceContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import type { Environment, InstanceStatus, LogKind } from "@/generated/prisma/client";
import { pageParam } from "@/lib/schemas";

export const PAGE_SIZE = 50;

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

export async function listProjects(ctx: WorkspaceContext) {
  return db().project.findMany({
    where: visibleProjectsWhere(ctx),
    orderBy: { name: "asc" },
    select: { id: true, name: true, repositoryUrl: true, branches: true, _count: { select: { instances: true } } },
  });
}

export async function listServers(ctx: WorkspaceContext) {
  return db().server.findMany({
    where: visibleServersWhere(ctx),
    orderBy: { name: "asc" },
    select: { id: true, name: true, region: true, address: true, _count: { select: { instances: true } } },
  });
}

/**
 * One page of the instances the caller may see, with the total and parent names, in one statement.
 * The page is cut off the (workspaceId, name) index (names are unique in a workspace) before parents
 * are joined, and the total is counted apart: a window count joined every instance first.
 */
export async function listInstances(ctx: WorkspaceContext, options: { projectId?: string; page?: number } = {}) {
  const page = pageParam.parse(options.page);
  const visible = Prisma.sql`AND ${visibleSql(ctx, "instance", "i")}`;
  const inProject = options.projectId ? Prisma.sql`AND i."projectId" = ${options.projectId}` : Prisma.empty;
  const rows = await db().$queryRaw<
    { id: string; name: string; environment: Environment; status: InstanceStatus; projectId: string; project: { name: string }; server: { name: string }; total: number }[]
  >`
    SELECT i.id, i.name, i.environment::text AS environment, i.status::text AS status, i."projectId",
      json_build_object('name', p.name) AS project, json_build_object('name', s.name) AS server,
      (SELECT count(*)::int FROM "Instance" i WHERE i."workspaceId" = ${ctx.workspace.id} ${visible} ${inProject}) AS total
    FROM (
      SELECT * FROM "Instance" i
      WHERE i."workspaceId" = ${ctx.workspace.id} ${visible} ${inProject}
      ORDER BY i.name ASC
      LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}
    ) i JOIN "Project" p ON p.id = i."projectId" JOIN "Server" s ON s.id = i."serverId"
    ORDER BY i.name ASC`;
  const total = rows[0]?.total ?? 0;
  const instances = rows.map(({ total: _total, ...i }) => i);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), instances };
}

/**
 * The rules of the visible*Where filters above as SQL on a table alias, for statements that read
 * several kinds at once. The workspace condition is the caller's.
 */
function visibleSql(ctx: WorkspaceContext, kind: "project" | "server" | "instance", alias: string): Prisma.Sql {
  const { allow } = ctx.permissions;
  if (allow === "all") return Prisma.sql`TRUE`;
  const t = Prisma.raw(alias);
  if (kind === "project") return ctx.can("projects.access") ? Prisma.sql`${t}.id = ANY(${[...allow.projects]}::text[])` : Prisma.sql`FALSE`;
  if (kind === "server") return Prisma.sql`${t}.id = ANY(${[...allow.servers]}::text[])`;
  return Prisma.sql`(${t}.id = ANY(${[...allow.instances]}::text[]) OR ${t}."projectId" = ANY(${[...allow.projects]}::text[]))`;
}

/** A JSON expression of how many projects, servers and instances the caller may see, for a larger statement. */
export function resourceCountsSql(ctx: WorkspaceContext): Prisma.Sql {
  const workspaceId = ctx.workspace.id;
  return Prisma.sql`json_build_object(
    'projects', (SELECT count(*)::int FROM "Project" p WHERE p."workspaceId" = ${workspaceId} AND ${visibleSql(ctx, "project", "p")}),
    'servers', (SELECT count(*)::int FROM "Server" s WHERE s."workspaceId" = ${workspaceId} AND ${visibleSql(ctx, "server", "s")}),
    'instances', (SELECT count(*)::int FROM "Instance" i WHERE i."workspaceId" = ${workspaceId} AND ${visibleSql(ctx, "instance", "i")}))`;
}

export async function listLogs(instanceId: string, kind: LogKind | undefined, page = 1) {
  return db().logEntry.findMany({
    where: { instanceId, ...(kind ? { kind } : {}) },
    orderBy: { createdAt: "desc" },
    skip: (pageParam.parse(page) - 1) * 100,
    take: 100,
    select: { id: true, kind: true, level: true, message: true, createdAt: true },
  });
}

export async function listBackups(instanceId: string) {
  return db().backup.findMany({
    where: { instanceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, sizeBytes: true, createdAt: true, restoredAt: true },
  });
}

export async function recentMerges(projectId: string) {
  return db().projectMerge.findMany({ where: { projectId }, orderBy: { createdAt: "desc" }, take: 10 });
}

/** The create-instance dialog's choices, both lists in one statement. */
export async function instanceParents(workspaceId: string) {
  const [row] = await db().$queryRaw<{ projects: { id: string; name: string }[] | null; servers: { id: string; name: string }[] | null }[]>`
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Project" WHERE "workspaceId" = ${workspaceId}) AS projects,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Server" WHERE "workspaceId" = ${workspaceId}) AS servers`;
  return { projects: row?.projects ?? [], servers: row?.servers ?? [] };
}
