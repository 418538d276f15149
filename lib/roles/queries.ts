import { explainPermissions, type Grant } from "@/lib/authz/permissions";
import { loadMemberGrants } from "@/lib/authz/context";
import type { WorkspaceContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { Role } from "@/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/locale";
import { toAccessLines, type AccessLine } from "./explain";

/** The workspace's custom roles for Settings → Roles, each with how many members and teams hold it now. */
export async function listCustomRoles(workspaceId: string) {
  const now = new Date();
  const roles = await db().customRole.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      actions: true,
      projectIds: true,
      instanceIds: true,
      serverIds: true,
      _count: {
        select: {
          members: { where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } },
          teams: { where: { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } },
        },
      },
    },
  });
  return roles.map(({ _count, ...role }) => ({ ...role, memberCount: _count.members, teamCount: _count.teams }));
}

/** The roles an assigner may pick from: names only, the server checks what each grants. */
export async function customRoleChoices(workspaceId: string) {
  return db().customRole.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Names of the workspace's resources listed by any of these grants, in one statement. */
async function resourceNames(workspaceId: string, grants: readonly Grant[]) {
  const ids = [...new Set(grants.flatMap((g) => [...g.projectIds, ...g.instanceIds, ...g.serverIds]))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM "Project" WHERE "workspaceId" = ${workspaceId} AND id = ANY(${ids}::text[])
    UNION ALL SELECT id, name FROM "Instance" WHERE "workspaceId" = ${workspaceId} AND id = ANY(${ids}::text[])
    UNION ALL SELECT id, name FROM "Server" WHERE "workspaceId" = ${workspaceId} AND id = ANY(${ids}::text[])`;
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** "Why can they?" for any role and grants: every held key with its sources and resources by name. */
export async function explainAccess(workspaceId: string, role: Role, grants: readonly Grant[], locale?: AppLocale): Promise<AccessLine[]> {
  return toAccessLines(explainPermissions(role, grants, new Date()), await resourceNames(workspaceId, grants), locale);
}

/** The caller's own access, from the grants their request already loaded. */
export function explainMyAccess(ctx: WorkspaceContext, locale?: AppLocale): Promise<AccessLine[]> {
  return explainAccess(ctx.workspace.id, ctx.membership.role, ctx.grants, locale);
}

/**
 * For the permissions modal: the member's custom roles (live ones, with expiry), the direct grant's
 * expiry, the roles the caller could assign, and the explanation of the member's access.
 */
export async function memberRoleChoices(ctx: WorkspaceContext, membershipId: string, locale?: AppLocale) {
  const loaded = await loadMemberGrants(ctx.workspace.id, membershipId);
  if (!loaded) throw new Refusal("NOT_FOUND", messageKey("errors.roles.memberNotInWorkspace"));
  const [assigned, choices, grant, why] = await Promise.all([
    db().memberCustomRole.findMany({
      where: { membershipId, membership: { workspaceId: ctx.workspace.id }, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
      orderBy: { customRole: { name: "asc" } },
      select: { expiresAt: true, customRole: { select: { id: true, name: true } } },
    }),
    customRoleChoices(ctx.workspace.id),
    db().memberGrant.findFirst({ where: { membershipId, membership: { workspaceId: ctx.workspace.id } }, select: { expiresAt: true } }),
    explainAccess(ctx.workspace.id, loaded.role, loaded.grants, locale),
  ]);
  return {
    roles: assigned.map((a) => ({ id: a.customRole.id, name: a.customRole.name, expiresAt: a.expiresAt?.toISOString() ?? null })),
    choices,
    grantExpiresAt: grant?.expiresAt?.toISOString() ?? null,
    why,
  };
}
