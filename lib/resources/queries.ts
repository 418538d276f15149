import type { WorkspaceContext } from "@/lib/authz/context";
import { db } from "@/lib/db";
import type { LogKind, Prisma } from "@/generated/prisma/client";

export const PAGE_SIZE = 50;

/** The instances a caller may see, as a query filter: everything from Admin up, else the allow-lists. */
function visibleInstancesWhere(ctx: WorkspaceContext): Prisma.InstanceWhereInput {
  const { allow } = ctx.permissions;
  if (allow === "all") return { workspaceId: ctx.workspace.id };
  return {
    workspaceId: ctx.workspace.id,
    OR: [{ id: { in: [...allow.instances] } }, { projectId: { in: [...allow.projects] } }],
  };
}

function visibleProjectsWhere(ctx: WorkspaceContext): Prisma.ProjectWhereInput {
  const { allow } = ctx.permissions;
  if (allow === "all") return { workspaceId: ctx.workspace.id };
  if (!ctx.can("projects.access")) return { id: { in: [] } };
  return { workspaceId: ctx.workspace.id, id: { in: [...allow.projects] } };
}

function visibleServersWhere(ctx: WorkspaceContext): Prisma.ServerWhereInput {
  const { allow } = ctx.permissions;
  if (allow === "all") return { workspaceId: ctx.workspace.id };
  return { workspaceId: ctx.workspace.id, id: { in: [...allow.servers] } };
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

export async function listInstances(ctx: WorkspaceContext, options: { projectId?: string; page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where: Prisma.InstanceWhereInput = {
    AND: [visibleInstancesWhere(ctx), options.projectId ? { projectId: options.projectId } : {}],
  };
  const [total, instances] = await Promise.all([
    db().instance.count({ where }),
    db().instance.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        environment: true,
        status: true,
        projectId: true,
        project: { select: { name: true } },
        server: { select: { name: true } },
      },
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), instances };
}

export async function resourceCounts(ctx: WorkspaceContext) {
  const [projects, servers, instances] = await Promise.all([
    db().project.count({ where: visibleProjectsWhere(ctx) }),
    db().server.count({ where: visibleServersWhere(ctx) }),
    db().instance.count({ where: visibleInstancesWhere(ctx) }),
  ]);
  return { projects, servers, instances };
}

export async function listLogs(instanceId: string, kind: LogKind | undefined, page = 1) {
  return db().logEntry.findMany({
    where: { instanceId, ...(kind ? { kind } : {}) },
    orderBy: { createdAt: "desc" },
    skip: (Math.max(1, page) - 1) * 100,
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
