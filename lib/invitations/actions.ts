"use server";

import { userAction, workspaceAction } from "@/lib/authz";
import { deliverInvitations } from "@/lib/invitations/delivery";
import { recordedInviteLink } from "@/lib/invitations/queries";
import { InvitationIdSchema, InvitationTokenSchema, InviteMembersSchema } from "@/lib/invitations/schemas";
import {
  acceptInvitation,
  createInvitations,
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
  async (ctx, input) => {
    const { results, sends } = await createInvitations(ctx, input);
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
