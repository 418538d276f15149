import type { WorkspaceActionContext } from "@/lib/authz/types";
import { assertMayGrant, assertMayManage } from "@/lib/authz/grant-rules";
import { ROLE_LABEL } from "@/lib/authz/permissions";
import { revokeApiKeysOf } from "@/lib/api-keys/service";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { emitAlert } from "@/lib/alerting/rules";
import { revokeInvitationsBeyond } from "@/lib/invitations/service";
import { checkGrantable } from "@/lib/teams/grants";
import { expiryFrom } from "@/lib/roles/expiry";
import type { GrantFields } from "@/lib/teams/schemas";
import { lockWorkspace } from "@/lib/workspaces/lock";
import { assertMayOwnAnother } from "@/lib/workspaces/service";
import type { Role } from "@/generated/prisma/enums";

type Ctx = WorkspaceActionContext;

/**
 * Every change here first locks the workspace row, then reads both the caller's and the target's
 * role from the database (never from the request, nor from before the lock). Concurrent demotions,
 * removals and transfers are so decided one at a time on fresh roles, and a workspace always keeps
 * exactly one owner.
 */
async function lockAndLoad(ctx: Ctx, targetMembershipId?: string) {
  const workspaceId = ctx.workspace.id;
  const workspace = await lockWorkspace(ctx.tx, workspaceId);
  const me = await ctx.tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: ctx.actor.userId } },
    select: { id: true, role: true },
  });
  if (!me) throw new Refusal("NOT_FOUND", messageKey("errors.authz.workspaceNotFound"));
  if (!targetMembershipId) return { workspace, me, target: null };
  const target = await ctx.tx.membership.findFirst({
    where: { id: targetMembershipId, workspaceId },
    select: { id: true, role: true, userId: true, user: { select: { email: true, name: true } } },
  });
  if (!target) throw new Refusal("NOT_FOUND", messageKey("errors.members.memberNotFound"));
  return { workspace, me, target };
}

export async function changeMemberRole(ctx: Ctx, membershipId: string, role: Role) {
  const { me, target } = await lockAndLoad(ctx, membershipId);
  if (target!.id === me.id) throw new Refusal("FORBIDDEN", messageKey("errors.members.ownRole"));
  assertMayManage(me.role, target!.role);
  assertMayGrant(me.role, role);
  if (target!.role === role) return { role };
  await ctx.tx.membership.update({ where: { id: target!.id }, data: { role } });
  await revokeInvitationsBeyond(ctx, target!.userId, role);
  await ctx.audit({
    action: "member.role_changed",
    targetType: "membership",
    targetId: target!.id,
    metadata: { email: target!.user.email, from: target!.role, to: role },
  });
  return { role };
}

export async function removeMember(ctx: Ctx, membershipId: string) {
  const { workspace, me, target } = await lockAndLoad(ctx, membershipId);
  if (target!.id === me.id) throw new Refusal("FORBIDDEN", messageKey("errors.members.removeSelf"));
  assertMayManage(me.role, target!.role);
  await ctx.tx.membership.delete({ where: { id: target!.id } });
  await revokeInvitationsBeyond(ctx, target!.userId, null);
  await revokeApiKeysOf(ctx.tx, ctx.workspace.id, target!.userId);
  await ctx.audit({
    action: "member.removed",
    targetType: "membership",
    targetId: target!.id,
    metadata: { email: target!.user.email, role: target!.role },
  });
  await emitAlert(ctx.tx, workspace, { kind: "MEMBER_LEFT", email: target!.user.email, role: target!.role });
}

export async function leaveWorkspace(ctx: Ctx) {
  const { workspace, me } = await lockAndLoad(ctx);
  if (me.role === "OWNER") {
    throw new Refusal("FORBIDDEN", messageKey("errors.members.ownerCantLeave"));
  }
  await ctx.tx.membership.delete({ where: { id: me.id } });
  await revokeInvitationsBeyond(ctx, ctx.actor.userId, null);
  await revokeApiKeysOf(ctx.tx, ctx.workspace.id, ctx.actor.userId);
  await ctx.audit({ action: "member.left", targetType: "membership", targetId: me.id, metadata: { role: me.role } });
  await emitAlert(ctx.tx, workspace, { kind: "MEMBER_LEFT", email: ctx.user.email, role: me.role });
}

export async function transferOwnership(ctx: Ctx, input: { membershipId: string; confirmSlug: string }) {
  const { workspace, me, target } = await lockAndLoad(ctx, input.membershipId);
  if (me.role !== "OWNER") throw new Refusal("FORBIDDEN", messageKey("errors.members.onlyOwnerTransfers"));
  if (workspace.kind === "PERSONAL") throw new Refusal("FORBIDDEN", messageKey("errors.members.personalStays"));
  if (input.confirmSlug.toLowerCase() !== workspace.slug) {
    throw Refusal.field("confirmSlug", messageKey("errors.members.typeSlug", { slug: workspace.slug }));
  }
  if (target!.id === me.id) throw Refusal.field("membershipId", messageKey("errors.members.alreadyOwner"));
  await assertMayOwnAnother(ctx.tx, target!.userId, target!.user.name);
  await ctx.tx.membership.update({ where: { id: target!.id }, data: { role: "OWNER" } });
  await ctx.tx.membership.update({ where: { id: me.id }, data: { role: "ADMIN" } });
  await ctx.audit({
    action: "workspace.ownership_transferred",
    targetType: "membership",
    targetId: target!.id,
    metadata: { to: target!.user.email, previousRoleOfNewOwner: target!.role, previousOwnerNowRole: "ADMIN" },
  });
  return { newOwner: target!.user.name, yourRole: ROLE_LABEL.ADMIN };
}

export async function updateMemberGrant(ctx: Ctx, input: GrantFields & { membershipId: string; expiry?: string | undefined; until?: string | undefined }) {
  const { me, target } = await lockAndLoad(ctx, input.membershipId);
  if (target!.role === "OWNER") throw new Refusal("FORBIDDEN", messageKey("errors.members.ownerPermissions"));
  assertMayManage(me.role, target!.role);
  const grant = await checkGrantable(ctx, ctx.tx, input);
  // undefined keeps the stored expiry (a new grant then has none).
  const expiresAt = expiryFrom(input, new Date());
  await ctx.tx.memberGrant.upsert({
    where: { membershipId: target!.id },
    create: { membershipId: target!.id, ...grant, expiresAt: expiresAt ?? null },
    update: { ...grant, ...(expiresAt === undefined ? {} : { expiresAt }) },
  });
  await ctx.audit({
    action: "member.permissions_changed",
    targetType: "membership",
    targetId: target!.id,
    metadata: { email: target!.user.email, ...grant, ...(expiresAt === undefined ? {} : { expiresAt: expiresAt?.toISOString() ?? null }) },
  });
  return grant;
}
