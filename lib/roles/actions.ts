"use server";

import { workspaceAction } from "@/lib/authz";
import {
  AssignMemberRoleSchema,
  AssignTeamRoleSchema,
  CustomRoleIdSchema,
  CustomRoleSchema,
  UnassignMemberRoleSchema,
  UnassignTeamRoleSchema,
  UpdateCustomRoleSchema,
} from "@/lib/roles/schemas";
import {
  assignMemberRole,
  assignTeamRole,
  createCustomRole,
  deleteCustomRole,
  unassignMemberRole,
  unassignTeamRole,
  updateCustomRole,
} from "@/lib/roles/service";

export const createCustomRoleAction = workspaceAction(
  { name: "roles.create", permission: "members.manage", input: CustomRoleSchema },
  (ctx, input) => createCustomRole(ctx, input),
);

export const updateCustomRoleAction = workspaceAction(
  { name: "roles.update", permission: "members.manage", input: UpdateCustomRoleSchema },
  (ctx, input) => updateCustomRole(ctx, input),
);

export const deleteCustomRoleAction = workspaceAction(
  { name: "roles.delete", permission: "members.manage", input: CustomRoleIdSchema },
  (ctx, input) => deleteCustomRole(ctx, input.customRoleId),
);

export const assignMemberRoleAction = workspaceAction(
  { name: "roles.assignMember", permission: "members.manage", input: AssignMemberRoleSchema },
  (ctx, input) => assignMemberRole(ctx, input),
);

export const unassignMemberRoleAction = workspaceAction(
  { name: "roles.unassignMember", permission: "members.manage", input: UnassignMemberRoleSchema },
  (ctx, input) => unassignMemberRole(ctx, input),
);

export const assignTeamRoleAction = workspaceAction(
  { name: "roles.assignTeam", permission: "teams.manage", input: AssignTeamRoleSchema },
  (ctx, input) => assignTeamRole(ctx, input),
);

export const unassignTeamRoleAction = workspaceAction(
  { name: "roles.unassignTeam", permission: "teams.manage", input: UnassignTeamRoleSchema },
  (ctx, input) => unassignTeamRole(ctx, input),
);
