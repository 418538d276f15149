import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";
import {
  canAccess,
  canDo,
  effectivePermissions,
  type EffectivePermissions,
  type PermissionKey,
  type ResourceRef,
} from "./permissions";
import { sessionUserId } from "./session";

export interface WorkspaceContext {
  user: { id: string; name: string; email: string };
  workspace: {
    id: string;
    name: string;
    slug: string;
    description: string;
    kind: "PERSONAL" | "PROJECT" | "ENVIRONMENT";
    stage: "DEVELOPMENT" | "STAGING" | "PRODUCTION" | null;
    plan: "FREE" | "STARTER" | "PRO" | "ENTERPRISE";
    color: string | null;
    logoType: string | null;
    logoUpdatedAt: Date | null;
  };
  /** The stored role; `permissions.role` is the one in force (a team's floor may raise it). */
  membership: { id: string; role: Role };
  permissions: EffectivePermissions;
  can(key: PermissionKey): boolean;
  /** Whether the resource is inside the caller's allow-lists. */
  canSee(ref: ResourceRef): boolean;
  /** Whether the caller holds the action on that resource. */
  canOn(key: PermissionKey, ref: ResourceRef): boolean;
}

const GRANT_FIELDS = { actions: true, projectIds: true, instanceIds: true, serverIds: true } as const;

/**
 * (user, slug) → membership → permissions, in one database round trip, memoized for the request.
 * Null when the workspace does not exist or the user is not a member: callers answer both the same.
 */
export const loadWorkspaceContext = cache(
  async (userId: string, slug: string): Promise<WorkspaceContext | null> => {
    if (typeof slug !== "string" || slug.length === 0 || slug.length > 64) return null;
    const membership = await db().membership.findFirst({
      where: { userId, workspace: { slug: slug.toLowerCase() } },
      select: {
        id: true,
        role: true,
        user: { select: { id: true, name: true, email: true } },
        workspace: {
          select: {
            id: true,
            name: true,
            slug: true,
            description: true,
            kind: true,
            stage: true,
            plan: true,
            color: true,
            logoType: true,
            logoUpdatedAt: true,
          },
        },
        grant: { select: GRANT_FIELDS },
        teams: { select: { team: { select: { ...GRANT_FIELDS, roleFloor: true } } } },
      },
    });
    if (!membership) return null;
    const grants = [...(membership.grant ? [membership.grant] : []), ...membership.teams.map((t) => t.team)];
    const permissions = effectivePermissions(membership.role, grants);
    return {
      user: membership.user,
      workspace: membership.workspace,
      membership: { id: membership.id, role: membership.role },
      permissions,
      can: (key) => permissions.actions.has(key),
      canSee: (ref) => canAccess(permissions, ref),
      canOn: (key, ref) => canDo(permissions, key, ref),
    };
  },
);

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
 * A renamed workspace's old slug answers 308 to the same page under the new one, for members only
 * (to anyone else it is as missing as any other slug).
 */
export async function requireMember(slug: string): Promise<WorkspaceContext> {
  const userId = await requireUserId();
  const ctx = await loadWorkspaceContext(userId, slug);
  if (ctx) return ctx;
  const moved = await renamedWorkspaceSlug(userId, slug);
  if (moved) {
    const path = (await headers()).get("x-request-path") ?? `/${slug}`;
    permanentRedirect(`/${moved}${path.slice(slug.length + 1)}`);
  }
  notFound();
}

async function renamedWorkspaceSlug(userId: string, slug: string): Promise<string | null> {
  if (typeof slug !== "string" || slug.length > 64) return null;
  const alias = await db().workspaceSlugAlias.findUnique({
    where: { slug: slug.toLowerCase() },
    select: { workspace: { select: { slug: true, memberships: { where: { userId }, select: { id: true } } } } },
  });
  return alias && alias.workspace.memberships.length > 0 ? alias.workspace.slug : null;
}

/** For pages: a member lacking the permission sees the page as missing, like a non-member would. */
export function requirePermission(ctx: WorkspaceContext, key: PermissionKey): void {
  if (!ctx.can(key)) notFound();
}
