import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;

export const AuditFilterSchema = z.object({
  actor: z.string().max(64).optional().catch(undefined),
  action: z.string().max(64).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});
export type AuditFilter = z.output<typeof AuditFilterSchema>;

function where(workspaceId: string, filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    workspaceId,
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

/** One workspace's events only: every query here is scoped by workspaceId, whatever the filter says. */
export async function listAuditEvents(workspaceId: string, filter: AuditFilter, all = false) {
  const page = filter.page ?? 1;
  const w = where(workspaceId, filter);
  const [total, events] = await Promise.all([
    db().auditEvent.count({ where: w }),
    db().auditEvent.findMany({
      where: w,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: all ? 0 : (page - 1) * AUDIT_PAGE_SIZE,
      take: all ? 50_000 : AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        metadata: true,
        ip: true,
        createdAt: true,
        actor: { select: { id: true, name: true, email: true } },
      },
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), events };
}

export async function auditFilterOptions(workspaceId: string) {
  const [actions, actors] = await Promise.all([
    db().auditEvent.findMany({ where: { workspaceId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db().membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" }, take: 500 }),
  ]);
  return { actions: actions.map((a) => a.action), actors: actors.map((m) => m.user) };
}
