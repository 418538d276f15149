import type { WorkspaceContext } from "@/lib/authz/types";
import { GRANTABLE_KEYS, PERMISSIONS, type GrantableKey, type ResourceRef } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import type { AccessRequestStatus } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { AppLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";
import { permissionFitsKind } from "./schemas";

const LIST_SIZE = 50;

export interface AccessRequestRow {
  id: string;
  permission: GrantableKey;
  permissionLabel: string;
  /** "instance web-dev" in the page's language; for a resource the viewer cannot see, only its kind ("an instance"); null: in general. */
  resource: string | null;
  reason: string;
  /** PENDING, DENIED, CANCELLED, REVOKED, APPROVED, or EXPIRED for an approval whose time is up. */
  status: AccessRequestStatus | "EXPIRED";
  note: string | null;
  expiresAt: Date | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  requester: { name: string; email: string };
  createdAt: Date;
}

/** A row as the statement below reads it: the resource's name and project come along, when it still exists here. */
interface StoredRow {
  id: string;
  permission: string;
  resourceKind: string | null;
  resourceId: string | null;
  resourceFound: boolean;
  resourceName: string | null;
  resourceProjectId: string | null;
  reason: string;
  status: AccessRequestStatus;
  note: string | null;
  expiresAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  requester: { name: string; email: string };
  createdAt: string;
}

/** A timestamp column as json_build_object writes it (UTC without the zone). */
const utcTimestamp = (text: string) => new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
const orNull = (text: string | null) => (text === null ? null : utcTimestamp(text));

/**
 * One list as a JSON array (a subselect): LIST_SIZE requests of this workspace matching `where`, in
 * creation order (`order`), each with its requester, decider and the resource (looked up in this workspace
 * only, so another workspace's id reads as deleted).
 */
function rowsJson(workspaceId: string, where: Prisma.Sql, order: "asc" | "desc"): Prisma.Sql {
  const dir = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  return Prisma.sql`(SELECT coalesce(json_agg(x ORDER BY x."createdAt" ${dir}, x.id ${dir}), '[]'::json) FROM (
    SELECT ar.id, ar.permission, ar."resourceKind", ar."resourceId", coalesce(p.id, i.id, s.id) IS NOT NULL AS "resourceFound",
      coalesce(p.name, i.name, s.name) AS "resourceName",
      i."projectId" AS "resourceProjectId", ar.reason, ar.status, ar.note, ar."expiresAt", ar."decidedAt", ar."createdAt",
      d.name AS "decidedBy", json_build_object('name', u.name, 'email', u.email) AS requester
    FROM "AccessRequest" ar
    JOIN "Membership" m ON m.id = ar."membershipId"
    JOIN "User" u ON u.id = m."userId"
    LEFT JOIN "User" d ON d.id = ar."decidedById"
    LEFT JOIN "Project" p ON ar."resourceKind" = 'project' AND p.id = ar."resourceId" AND p."workspaceId" = ${workspaceId}
    LEFT JOIN "Instance" i ON ar."resourceKind" = 'instance' AND i.id = ar."resourceId" AND i."workspaceId" = ${workspaceId}
    LEFT JOIN "Server" s ON ar."resourceKind" = 'server' AND s.id = ar."resourceId" AND s."workspaceId" = ${workspaceId}
    WHERE ar."workspaceId" = ${workspaceId} AND ${where}
    ORDER BY ar."createdAt" ${dir}, ar.id ${dir}
    LIMIT ${LIST_SIZE}) x)`;
}

function refOf(row: StoredRow): ResourceRef | null {
  if (!row.resourceFound || !row.resourceId) return null;
  if (row.resourceKind === "instance") return { kind: "instance", id: row.resourceId, projectId: row.resourceProjectId ?? "" };
  if (row.resourceKind === "project" || row.resourceKind === "server") return { kind: row.resourceKind, id: row.resourceId };
  return null;
}

/** Rows as the lists show them; a resource's name only for a viewer who can see that resource. */
function present(ctx: WorkspaceContext, rows: StoredRow[], locale: AppLocale): AccessRequestRow[] {
  const t = translatorFor(locale, "accessRequests.resource");
  const now = Date.now();
  return rows.map((row) => {
    const ref = refOf(row);
    const resource = !row.resourceKind
      ? null
      : ref && ctx.canSee(ref)
        ? t("named", { kind: row.resourceKind, name: row.resourceName ?? "" })
        : ref
          ? t("hidden", { kind: row.resourceKind })
          : t("deleted", { kind: row.resourceKind });
    const permission = row.permission as GrantableKey;
    const expiresAt = orNull(row.expiresAt);
    return {
      id: row.id,
      permission,
      permissionLabel: PERMISSIONS[permission]?.label ?? row.permission,
      resource,
      reason: row.reason,
      status: row.status === "APPROVED" && expiresAt && expiresAt.getTime() <= now ? "EXPIRED" : row.status,
      note: row.note,
      expiresAt,
      decidedAt: orNull(row.decidedAt),
      decidedBy: row.decidedBy,
      requester: row.requester,
      createdAt: utcTimestamp(row.createdAt),
    };
  });
}

/** For owners and admins: what waits for a decision (oldest first) and the latest decided, in one statement. */
export async function listWorkspaceAccessRequests(ctx: WorkspaceContext, locale: AppLocale) {
  const workspaceId = ctx.workspace.id;
  const [row] = await db().$queryRaw<{ pending: StoredRow[]; decided: StoredRow[] }[]>`
    SELECT ${rowsJson(workspaceId, Prisma.sql`ar.status = 'PENDING'`, "asc")} AS pending,
      ${rowsJson(workspaceId, Prisma.sql`ar.status <> 'PENDING'`, "desc")} AS decided`;
  return { pending: present(ctx, row?.pending ?? [], locale), decided: present(ctx, row?.decided ?? [], locale) };
}

/** The caller's own requests, newest first, in one statement. */
export async function listMyAccessRequests(ctx: WorkspaceContext, locale: AppLocale) {
  const [row] = await db().$queryRaw<{ mine: StoredRow[] }[]>`
    SELECT ${rowsJson(ctx.workspace.id, Prisma.sql`ar."membershipId" = ${ctx.membership.id}`, "desc")} AS mine`;
  return present(ctx, row?.mine ?? [], locale);
}

/** Whether the caller may ask for access at all: members below Admin. */
export function mayRequestAccess(ctx: Pick<WorkspaceContext, "membership">): boolean {
  return ctx.membership.role === "DEVELOPER" || ctx.membership.role === "VIEWER";
}

/**
 * The permissions the caller could ask for here, as a form's options: the grantable keys that fit
 * the resource's kind (or any, in general) and that they do not hold on it already.
 */
export function requestablePermissions(ctx: WorkspaceContext, ref?: ResourceRef): { value: GrantableKey; label: string }[] {
  return GRANTABLE_KEYS.filter((key) => permissionFitsKind(key, ref?.kind ?? null) && !(ref ? ctx.canOn(key, ref) : ctx.can(key))).map((key) => ({
    value: key,
    label: PERMISSIONS[key].label,
  }));
}
