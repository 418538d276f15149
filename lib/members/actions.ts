"use server";

import { workspaceAction } from "@/lib/authz";
import {
  ChangeRoleSchema,
  LeaveWorkspaceSchema,
  RemoveMemberSchema,
  TransferOwnershipSchema,
} from "@/lib/members/schemas";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership, updateMemberGrant } from "@/lib/members/service";
import { MemberGrantSchema } from "@/lib/teams/schemas";

export const changeMemberRoleAction = workspaceAction(
  { name: "members.changeRole", permission: "members.manage", input: ChangeRoleSchema },
  (ctx, input) => changeMemberRole(ctx, input.membershipId, input.role),
);

export const removeMemberAction = workspaceAction(
  { name: "members.remove", permission: "members.manage", input: RemoveMemberSchema },
  (ctx, input) => removeMember(ctx, input.membershipId),
);

export const leaveWorkspaceAction = workspaceAction(
  { name: "members.leave", permission: "member", input: LeaveWorkspaceSchema },
  (ctx) => leaveWorkspace(ctx),
);

export const transferOwnershipAction = workspaceAction(
  { name: "workspace.transferOwnership", permission: "workspace.transferOwnership", input: TransferOwnershipSchema },
  (ctx, input) => transferOwnership(ctx, input),
);

export const updateMemberPermissionsAction = workspaceAction(
  { name: "members.updatePermissions", permission: "members.manage", input: MemberGrantSchema },
  (ctx, input) => updateMemberGrant(ctx, input),
);
