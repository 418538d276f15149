import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";
import { canAccess, canDo, effectivePermissions, type Grant, type PermissionKey } from "./permissions";
import { GRANTS_COLUMN, MEMBERSHIP_COLUMNS, type MembershipRow } from "./membership-row";
import { sessionMembershipRow, sessionUserId } from "./session";
import { couldBeSlug } from "@/lib/workspaces/slug";
import type { WorkspaceContext } from "./types";

export type { WorkspaceContext } from "./types";
export { MEMBERSHIP_COLUMNS, type MembershipRow } from "./membership-row";

/**
 * (user, slug) → membership → permissions, in one database round trip. Memoized per request while
 * rendering (layouts and the page share it); React's cache does not memoize in server actions and
 * route handlers, where each factory calls it exactly once.
 * Null when the workspace does not exist or the user is not a member: callers answer both the same.
 */
export const loadWorkspaceContext = cache(
  async (userId: string, slug: string): Promise<WorkspaceContext | null> => {
    if (!couldBeSlug(slug)) return null;
    const row = await loadMembershipRow(userId, slug.toLowerCase());
    return row ? toWorkspaceContext(row) : null;
  },
);


/**
 * A member's context from their membership row. `onlyKeys`, for a read-only API key, keeps those of the
 * member's keys and drops the rest: the key never holds more than its creator does at this request.
 */
export function toWorkspaceContext(row: MembershipRow, onlyKeys?: ReadonlySet<PermissionKey>): WorkspaceContext {
  const computed = effectivePermissions(row.role, row.grants, new Date());
  const permissions = onlyKeys ? { ...computed, actions: new Set([...computed.actions].filter((key) => onlyKeys.has(key))) } : computed;
  return {
    user: row.user,
    workspace: {
      ...row.workspace,
      logoUpdatedAt: asDate(row.workspace.logoUpdatedAt),
      subscription: row.workspace.subscription
        ? { ...row.workspace.subscription, graceEndsAt: asDate(row.workspace.subscription.graceEndsAt), lapsedAt: asDate(row.workspace.subscription.lapsedAt) }
        : null,
    },
    membership: { id: row.id, role: row.role },
    permissions,
    grants: row.grants,
    pendingAccessRequests: row.pendingAccessRequests ?? 0,
    can: (key) => permissions.actions.has(key),
    canSee: (ref) => canAccess(permissions, ref),
    canOn: (key, ref) => canDo(permissions, key, ref),
  };
}

const asDate = (value: string | null) => (value ? new Date(value) : null);

/** Membership, user, workspace and grants of (user, slug) in one statement. */
async function loadMembershipRow(userId: string, slug: string): Promise<MembershipRow | null> {
  const rows = await db().$queryRaw<MembershipRow[]>`
    SELECT ${MEMBERSHIP_COLUMNS}
    FROM "Membership" m
    JOIN "Workspace" w ON w.id = m."workspaceId"
    JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = ${userId} AND w.slug = ${slug} AND w."deletedAt" IS NULL`;
  return rows[0] ?? null;
}

/**
 * Whether the workspace requires two-factor authentication of a member who has none: such a member may
 * open nothing in it (pages, actions, routes) until they turn it on.
 */
export function lacksRequiredTwoFactor(ctx: Pick<WorkspaceContext, "user" | "workspace">): boolean {
  return ctx.workspace.requireTwoFactor && !ctx.user.twoFactorEnabled;
}

/** Where a member who lacks a workspace's required second factor sets it up; the page says which workspace asked. */
export function twoFactorSetupPath(slug: string): string {
  return `/account?requiredBy=${encodeURIComponent(slug)}`;
}

/** For pages: the signed-in user id, or a redirect to sign-in that comes back here afterwards. */
export async function requireUserId(): Promise<string> {
  const userId = await sessionUserId();
  if (!userId) {
    const path = (await headers()).get("x-request-path");
    redirect(path && path !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : "/sign-in");
  }
  return userId;
}

/**
 * For pages and layouts under /[workspaceSlug]: a member's context, or the same 404 as a missing slug.
 * A member without the second factor the workspace requires is sent to set it up first.
 * A renamed workspace's old slug answers 308 to the same page under the new one, for members only
 * (to anyone else it is as missing as any other slug).
 */
export async function requireMember(slug: string): Promise<WorkspaceContext> {
  const userId = await requireUserId();
  const ctx = await memberContext(userId, slug);
  if (ctx && lacksRequiredTwoFactor(ctx)) redirect(twoFactorSetupPath(ctx.workspace.slug));
  if (ctx) return ctx;
  const moved = await renamedWorkspaceSlug(userId, slug);
  if (moved) {
    const path = (await headers()).get("x-request-path") ?? `/${slug}`;
    permanentRedirect(`/${moved}${path.slice(slug.length + 1)}`);
  }
  notFound();
}

/**
 * The member's context for (user, slug). The session lookup already read the membership of the slug
 * the request's path starts with, in the same statement: a page (or an action posted from it) then
 * spends one round trip on who is asking and what they may do. Any other slug takes its own statement.
 */
export async function memberContext(userId: string, slug: string): Promise<WorkspaceContext | null> {
  const fromSession = await sessionMembershipRow(slug);
  if (fromSession !== undefined) return fromSession && fromSession.user.id === userId ? toWorkspaceContext(fromSession) : null;
  return loadWorkspaceContext(userId, slug);
}

async function renamedWorkspaceSlug(userId: string, slug: string): Promise<string | null> {
  if (!couldBeSlug(slug)) return null;
  const alias = await db().workspaceSlugAlias.findUnique({
    where: { slug: slug.toLowerCase() },
    select: { workspace: { select: { slug: true, deletedAt: true, memberships: { where: { userId }, select: { id: true } } } } },
  });
  // A deleted workspace's old slug leads nowhere, like its current one.
  return alias && !alias.workspace.deletedAt && alias.workspace.memberships.length > 0 ? alias.workspace.slug : null;
}

/** For pages: a member lacking the permission sees the page as missing, like a non-member would. */
export function requirePermission(ctx: WorkspaceContext, key: PermissionKey): void {
  if (!ctx.can(key)) notFound();
}

/**
 * One member's role and grants in force, loaded the same way as the request's own (GRANTS_COLUMN), for
 * explaining someone else's access ("why can they?"). Null when the membership is not in the workspace.
 */
export async function loadMemberGrants(workspaceId: string, membershipId: string): Promise<{ role: Role; grants: Grant[] } | null> {
  const rows = await db().$queryRaw<{ role: Role; grants: Grant[] }[]>`
    SELECT m.role::text AS role, ${GRANTS_COLUMN}
    FROM "Membership" m WHERE m.id = ${membershipId} AND m."workspaceId" = ${workspaceId}`;
  return rows[0] ?? null;
}
