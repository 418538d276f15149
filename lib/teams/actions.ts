"use server";

import { workspaceAction } from "@/lib/authz";
import { AddTeamMemberSchema, CreateTeamSchema, TeamGrantSchema, TeamIdSchema, TeamMemberSchema } from "@/lib/teams/schemas";
import { addTeamMember, createTeam, deleteTeam, removeTeamMember, updateTeamGrant } from "@/lib/teams/service";

export const createTeamAction = workspaceAction(
  { name: "teams.create", permission: "teams.manage", input: CreateTeamSchema },
  (ctx, input) => createTeam(ctx, input.name),
);

export const deleteTeamAction = workspaceAction(
  { name: "teams.delete", permission: "teams.manage", input: TeamIdSchema },
  (ctx, input) => deleteTeam(ctx, input.teamId),
);

export const addTeamMemberAction = workspaceAction(
  { name: "teams.addMember", permission: "teams.manage", input: AddTeamMemberSchema },
  (ctx, input) => addTeamMember(ctx, input.teamId, input.membershipId, input),
);

export const removeTeamMemberAction = workspaceAction(
  { name: "teams.removeMember", permission: "teams.manage", input: TeamMemberSchema },
  (ctx, input) => removeTeamMember(ctx, input.teamId, input.membershipId),
);

export const updateTeamPermissionsAction = workspaceAction(
  { name: "teams.updatePermissions", permission: "teams.manage", input: TeamGrantSchema },
  (ctx, input) => updateTeamGrant(ctx, input),
);
