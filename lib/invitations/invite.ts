import type { WorkspaceActionContext } from "@/lib/authz/types";
import type { Role } from "@/generated/prisma/enums";
import { deliverInvitations } from "./delivery";
import { createInvitations } from "./service";

/**
 * Invites (createInvitations) and sends the invitations once the transaction has committed; a failed
 * send turns that address's outcome into "send_failed". The dashboard and the API both invite this way.
 */
export async function inviteMembers(ctx: WorkspaceActionContext, input: { emails: string; role: Role }) {
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
}
