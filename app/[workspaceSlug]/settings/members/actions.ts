"use server";

import { workspaceAction } from "@/lib/authz";
import {
  createInvitations,
  deliverInvitations,
  recordedInviteLink,
  resendInvitation,
  revokeInvitation,
} from "@/lib/invitations/service";
import { InvitationIdSchema, InviteMembersSchema } from "@/lib/invitations/schemas";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/members/manage";
import { MemberGrantSchema } from "@/lib/teams/schemas";
import { updateMemberGrant } from "@/lib/teams/service";
import { ChangeRoleSchema, LeaveWorkspaceSchema, RemoveMemberSchema, TransferOwnershipSchema } from "@/lib/members/schemas";

export const inviteMembersAction = workspaceAction(
  { name: "members.invite", permission: "members.invite", input: InviteMembersSchema },
  async (ctx, input) => {
    const { results, sends } = await createInvitations(ctx.tx, ctx.workspace.id, { id: ctx.user.id, ip: ctx.ip }, input);
    ctx.afterCommit(async () => {
      const failures = await deliverInvitations(sends, {
        workspaceName: ctx.workspace.name,
        inviterName: ctx.user.name,
        origin: await ctx.origin(),
      });
      for (const send of sends) {
        const error = failures.get(send.invitationId);
        const result = results.find((r) => r.email === send.email);
        if (error && result) Object.assign(result, { outcome: "send_failed", message: `Invited, but the email failed: ${error}` });
      }
    });
    return { results };
  },
);

export const resendInvitationAction = workspaceAction(
  { name: "invitations.resend", permission: "members.invite", input: InvitationIdSchema },
  async (ctx, input) => {
    const send = await resendInvitation(ctx.tx, ctx.workspace.id, { id: ctx.user.id, ip: ctx.ip }, input.invitationId);
    const outcome: { emailError: string | null } = { emailError: null };
    ctx.afterCommit(async () => {
      const failures = await deliverInvitations([send], {
        workspaceName: ctx.workspace.name,
        inviterName: ctx.user.name,
        origin: await ctx.origin(),
      });
      outcome.emailError = failures.get(send.invitationId) ?? null;
    });
    return outcome;
  },
);

export const revokeInvitationAction = workspaceAction(
  { name: "invitations.revoke", permission: "members.invite", input: InvitationIdSchema },
  async (ctx, input) => revokeInvitation(ctx.tx, ctx.workspace.id, { id: ctx.user.id, ip: ctx.ip }, input.invitationId),
);

export const copyInviteLinkAction = workspaceAction(
  { name: "invitations.copyLink", permission: "members.invite", input: InvitationIdSchema },
  async (ctx, input) => ({ link: await recordedInviteLink(ctx.workspace.id, input.invitationId) }),
);

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
