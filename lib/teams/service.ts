import type { WorkspaceActionContext } from "@/lib/authz/types";
import { mayGrantRole } from "@/lib/authz/permissions";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { checkGrantable } from "./grants";
import type { GrantFields } from "./schemas";

type Ctx = WorkspaceActionContext;

export async function createTeam(ctx: Ctx, name: string) {
  try {
    const team = await ctx.tx.team.create({ data: { workspaceId: ctx.workspace.id, name } });
    await ctx.audit({ action: "team.created", targetType: "team", targetId: team.id, metadata: { name } });
    return { id: team.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw Refusal.field("name", "A team with this name already exists");
    throw error;
  }
}

async function teamFor(ctx: Ctx, teamId: string) {
  const team = await ctx.tx.team.findFirst({ where: { id: teamId, workspaceId: ctx.workspace.id } });
  if (!team) throw Refusal.notFound("That team");
  return team;
}

export async function deleteTeam(ctx: Ctx, teamId: string) {
  const team = await teamFor(ctx, teamId);
  await ctx.tx.team.delete({ where: { id: team.id } });
  await ctx.audit({ action: "team.deleted", targetType: "team", targetId: team.id, metadata: { name: team.name } });
}

export async function addTeamMember(ctx: Ctx, teamId: string, membershipId: string) {
  const team = await teamFor(ctx, teamId);
  const member = await ctx.tx.membership.findFirst({
    where: { id: membershipId, workspaceId: ctx.workspace.id },
    select: { id: true, user: { select: { email: true } } },
  });
  if (!member) throw Refusal.notFound("That member");
  const existing = await ctx.tx.teamMember.findUnique({ where: { teamId_membershipId: { teamId: team.id, membershipId: member.id } } });
  if (existing) throw new Refusal("CONFLICT", "Already in this team.");
  await ctx.tx.teamMember.create({ data: { teamId: team.id, membershipId: member.id } });
  await ctx.audit({ action: "team.member_added", targetType: "team", targetId: team.id, metadata: { team: team.name, email: member.user.email } });
}

export async function removeTeamMember(ctx: Ctx, teamId: string, membershipId: string) {
  const team = await teamFor(ctx, teamId);
  const link = await ctx.tx.teamMember.findFirst({
    where: { teamId: team.id, membershipId, membership: { workspaceId: ctx.workspace.id } },
    select: { membershipId: true, membership: { select: { user: { select: { email: true } } } } },
  });
  if (!link) throw Refusal.notFound("That team member");
  await ctx.tx.teamMember.delete({ where: { teamId_membershipId: { teamId: team.id, membershipId: link.membershipId } } });
  await ctx.audit({ action: "team.member_removed", targetType: "team", targetId: team.id, metadata: { team: team.name, email: link.membership.user.email } });
}

export async function updateTeamGrant(ctx: Ctx, input: GrantFields & { teamId: string; roleFloor: "NONE" | "VIEWER" | "DEVELOPER" }) {
  const team = await teamFor(ctx, input.teamId);
  const roleFloor = input.roleFloor === "NONE" ? null : input.roleFloor;
  if (roleFloor && !mayGrantRole(ctx.permissions.role, roleFloor)) {
    throw Refusal.field("roleFloor", "You can't set a floor above your own role");
  }
  const grant = await checkGrantable(ctx, ctx.tx, input);
  await ctx.tx.team.update({ where: { id: team.id }, data: { ...grant, roleFloor } });
  await ctx.audit({ action: "team.permissions_changed", targetType: "team", targetId: team.id, metadata: { name: team.name, roleFloor, ...grant } });
  return grant;
}
