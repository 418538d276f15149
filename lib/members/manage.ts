import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ROLE_LABEL, ROLE_RANK } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors";
import { assertMayGrant } from "@/lib/invitations/service";
import { emitAlert } from "@/lib/alerting/rules";
import { lockWorkspace } from "@/lib/workspaces/lock";
import type { Role } from "@/generated/prisma/enums";

export interface MemberActor {
  userId: string;
  ip: string | null;
}

/**
 * Every change here first locks the workspace row, then reads both the caller's and the target's
 * role from the database (never from the request, nor from before the lock). Concurrent demotions,
 * removals and transfers are so decided one at a time on fresh roles, and a workspace always keeps
 * exactly one owner.
 */
async function lockAndLoad(tx: Tx, workspaceId: string, actor: MemberActor, targetMembershipId?: string) {
  const workspace = await lockWorkspace(tx, workspaceId);
  const me = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
    select: { id: true, role: true },
  });
  if (!me) throw Refusal.notFound("That workspace");
  if (!targetMembershipId) return { workspace, me, target: null };
  const target = await tx.membership.findFirst({
    where: { id: targetMembershipId, workspaceId },
    select: { id: true, role: true, userId: true, user: { select: { email: true, name: true } } },
  });
  if (!target) throw Refusal.notFound("That member");
  return { workspace, me, target };
}

function assertManages(me: { role: Role }, target: { role: Role }) {
  if (me.role !== "OWNER" && me.role !== "ADMIN") {
    throw new Refusal("FORBIDDEN", "You don't have permission to manage members in this workspace.");
  }
  if (target.role === "OWNER") {
    throw new Refusal("FORBIDDEN", "The owner can't be changed or removed; the owner can transfer ownership first.");
  }
  if (ROLE_RANK[target.role] > ROLE_RANK[me.role]) {
    throw new Refusal("FORBIDDEN", "You can't manage a member whose role is above yours.");
  }
}

export async function changeMemberRole(tx: Tx, workspaceId: string, actor: MemberActor, membershipId: string, role: Role) {
  const { me, target } = await lockAndLoad(tx, workspaceId, actor, membershipId);
  if (target!.id === me.id) throw new Refusal("FORBIDDEN", "You can't change your own role.");
  assertManages(me, target!);
  assertMayGrant(me.role, role);
  if (target!.role === role) return { role };
  await tx.membership.update({ where: { id: target!.id }, data: { role } });
  await recordAudit(tx, {
    workspaceId,
    actorId: actor.userId,
    action: "member.role_changed",
    targetType: "membership",
    targetId: target!.id,
    metadata: { email: target!.user.email, from: target!.role, to: role },
    ip: actor.ip,
  });
  return { role };
}

export async function removeMember(tx: Tx, workspaceId: string, actor: MemberActor, membershipId: string) {
  const { workspace, me, target } = await lockAndLoad(tx, workspaceId, actor, membershipId);
  if (target!.id === me.id) throw new Refusal("FORBIDDEN", "To remove yourself, leave the workspace instead.");
  assertManages(me, target!);
  await tx.membership.delete({ where: { id: target!.id } });
  await recordAudit(tx, {
    workspaceId,
    actorId: actor.userId,
    action: "member.removed",
    targetType: "membership",
    targetId: target!.id,
    metadata: { email: target!.user.email, role: target!.role },
    ip: actor.ip,
  });
  await emitAlert(tx, workspace, { kind: "MEMBER_LEFT", email: target!.user.email, role: target!.role });
}

export async function leaveWorkspace(tx: Tx, workspaceId: string, actor: MemberActor) {
  const { workspace, me } = await lockAndLoad(tx, workspaceId, actor);
  if (me.role === "OWNER") {
    throw new Refusal("FORBIDDEN", "The owner can't leave. Transfer ownership to another member first.");
  }
  await tx.membership.delete({ where: { id: me.id } });
  await recordAudit(tx, {
    workspaceId,
    actorId: actor.userId,
    action: "member.left",
    targetType: "membership",
    targetId: me.id,
    metadata: { role: me.role },
    ip: actor.ip,
  });
  const leaving = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
  await emitAlert(tx, workspace, { kind: "MEMBER_LEFT", email: leaving.email, role: me.role });
}

export async function transferOwnership(
  tx: Tx,
  workspaceId: string,
  actor: MemberActor,
  input: { membershipId: string; confirmSlug: string },
) {
  const { workspace, me, target } = await lockAndLoad(tx, workspaceId, actor, input.membershipId);
  if (me.role !== "OWNER") throw new Refusal("FORBIDDEN", "Only the owner can transfer ownership.");
  if (workspace.kind === "PERSONAL") throw new Refusal("FORBIDDEN", "A personal workspace always stays with its owner.");
  if (input.confirmSlug.toLowerCase() !== workspace.slug) {
    throw Refusal.field("confirmSlug", `Type ${workspace.slug} to confirm`);
  }
  if (target!.id === me.id) throw Refusal.field("membershipId", "You already own this workspace");
  await tx.membership.update({ where: { id: target!.id }, data: { role: "OWNER" } });
  await tx.membership.update({ where: { id: me.id }, data: { role: "ADMIN" } });
  await recordAudit(tx, {
    workspaceId,
    actorId: actor.userId,
    action: "workspace.ownership_transferred",
    targetType: "membership",
    targetId: target!.id,
    metadata: { to: target!.user.email, previousRoleOfNewOwner: target!.role, previousOwnerNowRole: "ADMIN" },
    ip: actor.ip,
  });
  return { newOwner: target!.user.name, yourRole: ROLE_LABEL.ADMIN };
}
