import type { WorkspaceActionContext } from "@/lib/authz/types";
import { mayGrantRole } from "@/lib/authz/permissions";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { expiryFrom } from "@/lib/roles/expiry";
import { checkGrantable } from "./grants";
import type { GrantFields } from "./schemas";

type Ctx = WorkspaceActionContext;

export async function createTeam(ctx: Ctx, name: string) {
  try {
    const team = await ctx.tx.team.create({ data: { workspaceId: ctx.workspace.id, name } });
    await ctx.audit({ action: "team.created", targetType: "team", targetId: team.id, metadata: { name } });
    return { id: team.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw Refusal.field("name", messageKey("errors.teams.nameTaken"));
    throw error;
  }
}

async function teamFor(ctx: Ctx, teamId: string) {
  const team = await ctx.tx.team.findFirst({ where: { id: teamId, workspaceId: ctx.workspace.id } });
  if (!team) throw new Refusal("NOT_FOUND", messageKey("errors.teams.teamNotFound"));
  return team;
}

export async function deleteTeam(ctx: Ctx, teamId: string) {
  const team = await teamFor(ctx, teamId);
  await ctx.tx.team.delete({ where: { id: team.id } });
  await ctx.audit({ action: "team.deleted", targetType: "team", targetId: team.id, metadata: { name: team.name } });
}

export async function addTeamMember(ctx: Ctx, teamId: string, membershipId: string, expiry: { expiry?: string | undefined; until?: string | undefined } = {}) {
  const team = await teamFor(ctx, teamId);
  const member = await ctx.tx.membership.findFirst({
    where: { id: membershipId, workspaceId: ctx.workspace.id },
    select: { id: true, user: { select: { email: true } } },
  });
  if (!member) throw new Refusal("NOT_FOUND", messageKey("errors.teams.memberNotFound"));
  const existing = await ctx.tx.teamMember.findUnique({ where: { teamId_membershipId: { teamId: team.id, membershipId: member.id } } });
  const now = new Date();
  // A membership that has expired but not been tidied yet counts for nothing: adding again renews it.
  if (existing && (!existing.expiresAt || existing.expiresAt > now)) throw new Refusal("CONFLICT", messageKey("errors.teams.alreadyInTeam"));
  const expiresAt = expiryFrom(expiry, now) ?? null;
  await ctx.tx.teamMember.upsert({
    where: { teamId_membershipId: { teamId: team.id, membershipId: member.id } },
    create: { teamId: team.id, membershipId: member.id, expiresAt },
    update: { expiresAt, createdAt: now },
  });
  await ctx.audit({
    action: "team.member_added",
    targetType: "team",
    targetId: team.id,
    metadata: { team: team.name, email: member.user.email, expiresAt: expiresAt?.toISOString() ?? null },
  });
}

export async function removeTeamMember(ctx: Ctx, teamId: string, membershipId: string) {
  const team = await teamFor(ctx, teamId);
  const link = await ctx.tx.teamMember.findFirst({
    where: { teamId: team.id, membershipId, membership: { workspaceId: ctx.workspace.id } },
    select: { membershipId: true, membership: { select: { user: { select: { email: true } } } } },
  });
  if (!link) throw new Refusal("NOT_FOUND", messageKey("errors.teams.teamMemberNotFound"));
  await ctx.tx.teamMember.delete({ where: { teamId_membershipId: { teamId: team.id, membershipId: link.membershipId } } });
  await ctx.audit({ action: "team.member_removed", targetType: "team", targetId: team.id, metadata: { team: team.name, email: link.membership.user.email } });
}

export async function updateTeamGrant(ctx: Ctx, input: GrantFields & { teamId: string; roleFloor: "NONE" | "VIEWER" | "DEVELOPER" }) {
  const team = await teamFor(ctx, input.teamId);
  const roleFloor = input.roleFloor === "NONE" ? null : input.roleFloor;
  if (roleFloor && !mayGrantRole(ctx.permissions.role, roleFloor)) {
    throw Refusal.field("roleFloor", messageKey("errors.teams.floorAboveOwn"));
  }
  const grant = await checkGrantable(ctx, ctx.tx, input);
  await ctx.tx.team.update({ where: { id: team.id }, data: { ...grant, roleFloor } });
  await ctx.audit({ action: "team.permissions_changed", targetType: "team", targetId: team.id, metadata: { name: team.name, roleFloor, ...grant } });
  return grant;
}
