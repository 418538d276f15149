"use server";

import { userAction, workspaceAction } from "@/lib/authz";
import { deliverInvitations } from "@/lib/invitations/delivery";
import { inviteMembers } from "@/lib/invitations/invite";
import { recordedInviteLink } from "@/lib/invitations/queries";
import { InvitationIdSchema, InvitationTokenSchema, InviteMembersSchema } from "@/lib/invitations/schemas";
import {
  acceptInvitation,
  declineInvitation,
  resendInvitation,
  revokeInvitation,
} from "@/lib/invitations/service";

export const acceptInvitationAction = userAction(
  { name: "invitation.accept", input: InvitationTokenSchema },
  (ctx, input) => acceptInvitation(ctx.tx, ctx.actor, input.token),
);

export const declineInvitationAction = userAction(
  { name: "invitation.decline", input: InvitationTokenSchema },
  (ctx, input) => declineInvitation(ctx.tx, ctx.actor, input.token),
);

export const inviteMembersAction = workspaceAction(
  { name: "members.invite", permission: "members.invite", input: InviteMembersSchema },
  (ctx, input) => inviteMembers(ctx, input),
);

export const resendInvitationAction = workspaceAction(
  { name: "invitations.resend", permission: "members.invite", input: InvitationIdSchema },
  async (ctx, input) => {
    const send = await resendInvitation(ctx, input.invitationId);
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
  (ctx, input) => revokeInvitation(ctx, input.invitationId),
);

export const copyInviteLinkAction = workspaceAction(
  { name: "invitations.copyLink", permission: "members.invite", input: InvitationIdSchema },
  async (ctx, input) => ({ link: await recordedInviteLink(ctx.workspace.id, input.invitationId) }),
);
