import type { WorkspaceActionContext } from "@/lib/authz/types";
import { assertMayManage } from "@/lib/authz/grant-rules";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { checkGrantable } from "@/lib/teams/grants";
import type { GrantFields } from "@/lib/teams/schemas";
import { lockWorkspace } from "@/lib/workspaces/lock";
import { expiryFrom } from "./expiry";

type Ctx = WorkspaceActionContext;
type Expiry = { expiry: string; until?: string | undefined };

interface RoleFields extends GrantFields {
  name: string;
  description: string;
}

/**
 * Custom roles: a workspace's named grants. Whoever creates, edits or assigns one must hold every
 * action in it and see every resource it lists (checkGrantable, the permissions modal's own rule), so
 * nobody hands out more than they hold; the actions are grantable keys only (the schema), never an
 * owner-only or staff key. Holders read the role at their next request: editing it needs no fan-out.
 */
export async function createCustomRole(ctx: Ctx, input: RoleFields) {
  const grant = await checkGrantable(ctx, ctx.tx, input);
  try {
    const role = await ctx.tx.customRole.create({
      data: { workspaceId: ctx.workspace.id, name: input.name, description: input.description, ...grant },
    });
    await ctx.audit({ action: "custom_role.created", targetType: "custom_role", targetId: role.id, metadata: { name: role.name, ...grant } });
    return { id: role.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw Refusal.field("name", messageKey("errors.roles.nameTaken"));
    throw error;
  }
}

async function roleFor(ctx: Ctx, customRoleId: string) {
  const role = await ctx.tx.customRole.findFirst({ where: { id: customRoleId, workspaceId: ctx.workspace.id } });
  if (!role) throw new Refusal("NOT_FOUND", messageKey("errors.roles.roleNotFound"));
  return role;
}

export async function updateCustomRole(ctx: Ctx, input: RoleFields & { customRoleId: string }) {
  const role = await roleFor(ctx, input.customRoleId);
  const grant = await checkGrantable(ctx, ctx.tx, input);
  try {
    await ctx.tx.customRole.update({ where: { id: role.id }, data: { name: input.name, description: input.description, ...grant } });
  } catch (error) {
    if (isUniqueViolation(error)) throw Refusal.field("name", messageKey("errors.roles.nameTaken"));
    throw error;
  }
  await ctx.audit({
    action: "custom_role.updated",
    targetType: "custom_role",
    targetId: role.id,
    metadata: { name: input.name, previousName: role.name, ...grant },
  });
  return { id: role.id };
}

export async function deleteCustomRole(ctx: Ctx, customRoleId: string) {
  const role = await roleFor(ctx, customRoleId);
  const [members, teams] = await Promise.all([
    ctx.tx.memberCustomRole.count({ where: { customRoleId: role.id } }),
    ctx.tx.teamCustomRole.count({ where: { customRoleId: role.id } }),
  ]);
  // Its assignments go with it (onDelete: Cascade): holders lose it at their next request.
  await ctx.tx.customRole.delete({ where: { id: role.id } });
  await ctx.audit({ action: "custom_role.deleted", targetType: "custom_role", targetId: role.id, metadata: { name: role.name, members, teams } });
}

/**
 * The assigner must hold the role's every action on every resource it lists, and may only change
 * members they may manage (roles read under the workspace lock). Admins and the owner hold every
 * permission already, so a role means nothing to them and is refused.
 */
export async function assignMemberRole(ctx: Ctx, input: Expiry & { customRoleId: string; membershipId: string }) {
  await lockWorkspace(ctx.tx, ctx.workspace.id);
  const [me, target] = await Promise.all([
    ctx.tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: ctx.workspace.id, userId: ctx.actor.userId } }, select: { role: true } }),
    ctx.tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: ctx.workspace.id },
      select: { id: true, role: true, user: { select: { email: true } } },
    }),
  ]);
  if (!me) throw new Refusal("NOT_FOUND", messageKey("errors.authz.workspaceNotFound"));
  if (!target) throw new Refusal("NOT_FOUND", messageKey("errors.roles.memberNotFound"));
  assertMayManage(me.role, target.role);
  if (target.role === "ADMIN") throw new Refusal("CONFLICT", messageKey("errors.roles.adminsHoldAll"));
  const role = await roleFor(ctx, input.customRoleId);
  await checkGrantable(ctx, ctx.tx, role as unknown as GrantFields);
  const expiresAt = expiryFrom(input, new Date()) ?? null;
  const key = { customRoleId: role.id, membershipId: target.id };
  await ctx.tx.memberCustomRole.upsert({
    where: { customRoleId_membershipId: key },
    create: { ...key, expiresAt, assignedById: ctx.actor.userId },
    update: { expiresAt, assignedById: ctx.actor.userId, createdAt: new Date() },
  });
  await ctx.audit({
    action: "custom_role.assigned",
    targetType: "membership",
    targetId: target.id,
    metadata: { role: role.name, customRoleId: role.id, email: target.user.email, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { expiresAt: expiresAt?.toISOString() ?? null };
}

export async function unassignMemberRole(ctx: Ctx, input: { customRoleId: string; membershipId: string }) {
  await lockWorkspace(ctx.tx, ctx.workspace.id);
  const link = await ctx.tx.memberCustomRole.findFirst({
    where: { customRoleId: input.customRoleId, membershipId: input.membershipId, membership: { workspaceId: ctx.workspace.id } },
    select: { customRole: { select: { name: true } }, membership: { select: { role: true, user: { select: { email: true } } } } },
  });
  if (!link) throw new Refusal("NOT_FOUND", messageKey("errors.roles.assignmentNotFound"));
  const me = await ctx.tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: ctx.workspace.id, userId: ctx.actor.userId } }, select: { role: true } });
  assertMayManage(me!.role, link.membership.role);
  await ctx.tx.memberCustomRole.delete({ where: { customRoleId_membershipId: { customRoleId: input.customRoleId, membershipId: input.membershipId } } });
  await ctx.audit({
    action: "custom_role.unassigned",
    targetType: "membership",
    targetId: input.membershipId,
    metadata: { role: link.customRole.name, customRoleId: input.customRoleId, email: link.membership.user.email },
  });
}

export async function assignTeamRole(ctx: Ctx, input: Expiry & { customRoleId: string; teamId: string }) {
  const team = await ctx.tx.team.findFirst({ where: { id: input.teamId, workspaceId: ctx.workspace.id }, select: { id: true, name: true } });
  if (!team) throw new Refusal("NOT_FOUND", messageKey("errors.roles.teamNotFound"));
  const role = await roleFor(ctx, input.customRoleId);
  await checkGrantable(ctx, ctx.tx, role as unknown as GrantFields);
  const expiresAt = expiryFrom(input, new Date()) ?? null;
  const key = { customRoleId: role.id, teamId: team.id };
  await ctx.tx.teamCustomRole.upsert({
    where: { customRoleId_teamId: key },
    create: { ...key, expiresAt, assignedById: ctx.actor.userId },
    update: { expiresAt, assignedById: ctx.actor.userId, createdAt: new Date() },
  });
  await ctx.audit({
    action: "custom_role.assigned",
    targetType: "team",
    targetId: team.id,
    metadata: { role: role.name, customRoleId: role.id, team: team.name, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { expiresAt: expiresAt?.toISOString() ?? null };
}

export async function unassignTeamRole(ctx: Ctx, input: { customRoleId: string; teamId: string }) {
  const link = await ctx.tx.teamCustomRole.findFirst({
    where: { customRoleId: input.customRoleId, teamId: input.teamId, team: { workspaceId: ctx.workspace.id } },
    select: { customRole: { select: { name: true } }, team: { select: { name: true } } },
  });
  if (!link) throw new Refusal("NOT_FOUND", messageKey("errors.roles.assignmentNotFound"));
  await ctx.tx.teamCustomRole.delete({ where: { customRoleId_teamId: { customRoleId: input.customRoleId, teamId: input.teamId } } });
  await ctx.audit({
    action: "custom_role.unassigned",
    targetType: "team",
    targetId: input.teamId,
    metadata: { role: link.customRole.name, customRoleId: input.customRoleId, team: link.team.name },
  });
}
