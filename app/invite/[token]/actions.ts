"use server";

import { userAction } from "@/lib/authz";
import { InvitationTokenSchema } from "@/lib/invitations/schemas";
import { acceptInvitation, declineInvitation } from "@/lib/invitations/service";
import { Refusal } from "@/lib/errors";
import type { Tx } from "@/lib/db";

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
