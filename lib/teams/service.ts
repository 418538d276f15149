import type { WorkspaceActionContext } from "@/lib/authz/types";
import { ROLE_RANK } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { checkGrantable } from "./grants";
import type { GrantFields } from "./schemas";

type Ctx = WorkspaceActionContext;

export async function updateMemberGrant(ctx: Ctx, input: GrantFields & { membershipId: string }) {
  const target = await ctx.tx.membership.findFirst({
    where: { id: input.membershipId, workspaceId: ctx.workspace.id },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!target) throw Refusal.notFound("That member");
  // Roles as stored, read now: the owner is nobody's to edit, nor anyone above the editor.
  const editor = await ctx.tx.membership.findUniqueOrThrow({ where: { id: ctx.membership.id }, select: { role: true } });
  if (target.role === "OWNER") throw new Refusal("FORBIDDEN", "Nobody can edit the owner's permissions.");
  if (ROLE_RANK[target.role] > ROLE_RANK[editor.role]) throw new Refusal("FORBIDDEN", "You can't edit a member whose role is above yours.");
  const grant = await checkGrantable(ctx, ctx.tx, input);
  await ctx.tx.memberGrant.upsert({
    where: { membershipId: target.id },
    create: { membershipId: target.id, ...grant },
    update: grant,
  });
  await ctx.audit({
    action: "member.permissions_changed",
    targetType: "membership",
    targetId: target.id,
    metadata: { email: target.user.email, ...grant },
  });
  return grant;
}

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
  if (roleFloor && ROLE_RANK[roleFloor] > ROLE_RANK[ctx.permissions.role]) {
    throw Refusal.field("roleFloor", "You can't set a floor above your own role");
  }
  const grant = await checkGrantable(ctx, ctx.tx, input);
  await ctx.tx.team.update({ where: { id: team.id }, data: { ...grant, roleFloor } });
  await ctx.audit({ action: "team.permissions_changed", targetType: "team", targetId: team.id, metadata: { name: team.name, roleFloor, ...grant } });
  return grant;
}

export async function listTeams(workspaceId: string) {
  return db().team.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    include: {
      members: {
        orderBy: { createdAt: "asc" },
        select: { membershipId: true, membership: { select: { role: true, user: { select: { name: true, email: true } } } } },
      },
    },
  });
}

/** What the permissions modal can offer: this workspace's resources, as far as the editor sees them. One statement. */
export async function grantOptions(ctx: { workspace: { id: string }; canSee: WorkspaceActionContext["canSee"]; permissions: WorkspaceActionContext["permissions"] }) {
  const workspaceId = ctx.workspace.id;
  const [row] = await db().$queryRaw<
    {
      projects: { id: string; name: string }[] | null;
      instances: { id: string; name: string; projectId: string; environment: string }[] | null;
      servers: { id: string; name: string }[] | null;
    }[]
  >`
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Project" WHERE "workspaceId" = ${workspaceId}) AS projects,
      (SELECT json_agg(json_build_object('id', id, 'name', name, 'projectId', "projectId", 'environment', environment) ORDER BY name)
         FROM "Instance" WHERE "workspaceId" = ${workspaceId}) AS instances,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Server" WHERE "workspaceId" = ${workspaceId}) AS servers`;
  const { allow } = ctx.permissions;
  return {
    projects: (row?.projects ?? []).filter((p) => allow === "all" || allow.projects.has(p.id)),
    instances: (row?.instances ?? []).filter((i) => ctx.canSee({ kind: "instance", id: i.id, projectId: i.projectId })),
    servers: (row?.servers ?? []).filter((s) => ctx.canSee({ kind: "server", id: s.id })),
  };
}
