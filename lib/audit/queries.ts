import { db } from "@/lib/db";
import { inDateWindow, utcDayEnd, utcDayStart } from "@/lib/dates";
import { containsPattern } from "@/lib/db/like-pattern";
import { Prisma } from "@/generated/prisma/client";
import type { AuditFilter } from "./schemas";

export const AUDIT_PAGE_SIZE = 25;

interface AuditRow {
  id: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
  ip: string | null;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
  /** The API key the change was made with (the actor is its creator), if any. */
  apiKey: { id: string; name: string; prefix: string } | null;
}

/** A position in the log: an event's time and id, which together order events totally. */
export function auditCursor(event: { createdAt: Date; id: string }): string {
  return `${event.createdAt.toISOString()}_${event.id}`;
}

export function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const match = cursor ? /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([\w-]{1,64})$/.exec(cursor) : null;
  if (!match) return null;
  const at = new Date(match[1]!);
  // "0000-01-01T00:00:00Z" is a JS date but no PostgreSQL timestamp: a cursor outside the window is none.
  return inDateWindow(at) ? { at, id: match[2]! } : null;
}

/**
 * One workspace's events only: every query here is scoped by workspaceId, whatever the filter says.
 * A page is read by keyset off the (workspaceId, createdAt, id) index, newest first, with links to the
 * newer and older pages instead of a total: counting every matching event on each view (20,000 in the
 * benchmark, millions in a busy workspace) and skipping pages with OFFSET grew with the log; this
 * reads 51 index entries whatever its size. Actors are joined to the page only.
 */
export async function listAuditEvents(workspaceId: string, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  const before = parseCursor(filter.before);
  const after = before ? null : parseCursor(filter.after);
  const conditions = [
    ...filterConditions(workspaceId, filter),
    ...(before ? [Prisma.sql`(e."createdAt", e.id) < (${before.at}, ${before.id})`] : []),
    ...(after ? [Prisma.sql`(e."createdAt", e.id) > (${after.at}, ${after.id})`] : []),
  ];
  // Going back towards newer events reads the index the other way, then turns the page around.
  const direction = after ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await readEvents(Prisma.join(conditions, " AND "), direction, pageSize + 1);
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (after) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    events: page,
    newer: first && (after ? more : Boolean(before)) ? auditCursor(first) : null,
    older: last && (after ? true : more) ? auditCursor(last) : null,
  };
}

/** Every event the filter matches, newest first, up to `limit` (the CSV export). */
export async function exportAuditEvents(workspaceId: string, filter: AuditFilter, limit = 50_000) {
  return readEvents(Prisma.join(filterConditions(workspaceId, filter), " AND "), Prisma.sql`DESC`, limit);
}

function filterConditions(workspaceId: string, filter: AuditFilter): Prisma.Sql[] {
  return [
    Prisma.sql`e."workspaceId" = ${workspaceId}`,
    ...(filter.actor ? [Prisma.sql`e."actorId" = ${filter.actor}`] : []),
    ...(filter.who
      ? [Prisma.sql`EXISTS (SELECT 1 FROM "User" u WHERE u.id = e."actorId" AND (u.name ILIKE ${containsPattern(filter.who)} OR u.email ILIKE ${containsPattern(filter.who)}))`]
      : []),
    ...(filter.action ? [Prisma.sql`e.action = ${filter.action}`] : []),
    ...(filter.from ? [Prisma.sql`e."createdAt" >= ${utcDayStart(filter.from)}`] : []),
    ...(filter.to ? [Prisma.sql`e."createdAt" < ${utcDayEnd(filter.to)}`] : []),
  ];
}

// The page is cut before actors are joined: on a freshly loaded table, before statistics exist, the
// planner otherwise joined all 20,000 events to their users and sorted them (76 ms instead of under 2).
async function readEvents(where: Prisma.Sql, direction: Prisma.Sql, limit: number) {
  const rows = await db().$queryRaw<AuditRow[]>`
    SELECT e.id, e.action, e."targetType", e."targetId", e.metadata, e.ip, e."createdAt",
      CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name, 'email', u.email) END AS actor,
      CASE WHEN k.id IS NULL THEN NULL ELSE json_build_object('id', k.id, 'name', k.name, 'prefix', k.prefix) END AS "apiKey"
    FROM (
      SELECT e.* FROM "AuditEvent" e
      WHERE ${where}
      ORDER BY e."createdAt" ${direction}, e.id ${direction}
      LIMIT ${limit}
    ) e LEFT JOIN "User" u ON u.id = e."actorId" LEFT JOIN "ApiKey" k ON k.id = e."apiKeyId"
    ORDER BY e."createdAt" ${direction}, e.id ${direction}`;
  return rows.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
}

/**
 * The actions seen in this workspace, for the filter. Found by hopping the (workspaceId, action) index
 * from one distinct value to the next: a DISTINCT read every event in the workspace (5 ms at 20,000
 * events); this reads a few index entries per action.
 */
export async function auditActionsSeen(workspaceId: string): Promise<string[]> {
  const [row] = await db().$queryRaw<{ actions: string[] | null }[]>`
    WITH RECURSIVE seen(action) AS (
      SELECT min(action) FROM "AuditEvent" WHERE "workspaceId" = ${workspaceId}
      UNION ALL
      SELECT (SELECT min(action) FROM "AuditEvent" WHERE "workspaceId" = ${workspaceId} AND action > seen.action) FROM seen WHERE seen.action IS NOT NULL
    )
    SELECT json_agg(action ORDER BY action) AS actions FROM seen WHERE action IS NOT NULL`;
  return row?.actions ?? [];
}
