"use server";

import { workspaceAction } from "@/lib/authz";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/members/manage";
import {
  ChangeRoleSchema,
  LeaveWorkspaceSchema,
  RemoveMemberSchema,
  TransferOwnershipSchema,
} from "@/lib/members/schemas";
import { MemberGrantSchema } from "@/lib/teams/schemas";
import { updateMemberGrant } from "@/lib/teams/service";

export const changeMemberRoleAction = workspaceAction(
  { name: "members.changeRole", permission: "members.manage", input: ChangeRoleSchema },
  async (ctx, input) => changeMemberRole(ctx.tx, ctx.workspace.id, { userId: ctx.user.id, ip: ctx.ip }, input.membershipId, input.role),
);

export const removeMemberAction = workspaceAction(
  { name: "members.remove", permission: "members.manage", input: RemoveMemberSchema },
  async (ctx, input) => removeMember(ctx.tx, ctx.workspace.id, { userId: ctx.user.id, ip: ctx.ip }, input.membershipId),
);

export const leaveWorkspaceAction = workspaceAction(
  { name: "members.leave", permission: "member", input: LeaveWorkspaceSchema },
  async (ctx) => leaveWorkspace(ctx.tx, ctx.workspace.id, { userId: ctx.user.id, ip: ctx.ip }),
);

export const transferOwnershipAction = workspaceAction(
  { name: "workspace.transferOwnership", permission: "workspace.transferOwnership", input: TransferOwnershipSchema },
  async (ctx, input) => transferOwnership(ctx.tx, ctx.workspace.id, { userId: ctx.user.id, ip: ctx.ip }, input),
);

export const updateMemberPermissionsAction = workspaceAction(
  { name: "members.updatePermissions", permission: "members.manage", input: MemberGrantSchema },
  (ctx, input) => updateMemberGrant(ctx, input),
);
