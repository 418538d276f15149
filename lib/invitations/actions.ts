"use server";

import { userAction, workspaceAction } from "@/lib/authz";
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
  (ctx, input) => createInvitations(ctx, input),
);

export const resendInvitationAction = workspaceAction(
  { name: "invitations.resend", permission: "members.invite", input: InvitationIdSchema },
  (ctx, input) => resendInvitation(ctx, input.invitationId),
);

export const revokeInvitationAction = workspaceAction(
  { name: "invitations.revoke", permission: "members.invite", input: InvitationIdSchema },
  (ctx, input) => revokeInvitation(ctx, input.invitationId),
);

export const copyInviteLinkAction = workspaceAction(
  { name: "invitations.copyLink", permission: "members.invite", input: InvitationIdSchema },
  async (ctx, input) => ({ link: await recordedInviteLink(ctx.workspace.id, input.invitationId) }),
);
