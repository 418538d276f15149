"use server";

import type { Tx } from "@/lib/db";
import { userAction, workspaceAction } from "@/lib/authz";
import { Refusal } from "@/lib/errors";
import { InvitationIdSchema, InvitationTokenSchema, InviteMembersSchema } from "@/lib/invitations/schemas";
import {
  acceptInvitation,
  createInvitations,
  declineInvitation,
  deliverInvitations,
  recordedInviteLink,
  resendInvitation,
  revokeInvitation,
} from "@/lib/invitations/service";

async function signedInUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new Refusal("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return user;
}

export const acceptInvitationAction = userAction(
  { name: "invitation.accept", input: InvitationTokenSchema },
  async (ctx, input) => acceptInvitation(ctx.tx, await signedInUser(ctx.tx, ctx.userId), input.token, ctx.ip),
);

export const declineInvitationAction = userAction(
  { name: "invitation.decline", input: InvitationTokenSchema },
  async (ctx, input) => declineInvitation(ctx.tx, await signedInUser(ctx.tx, ctx.userId), input.token, ctx.ip),
);

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
