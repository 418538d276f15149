import type { WorkspaceActionContext } from "@/lib/authz/types";
import { enqueueEmail } from "@/lib/email/outbox";
import { recipientLocale } from "@/lib/i18n/locale";
import type { Role } from "@/generated/prisma/enums";
import { invitationEmail } from "./email";

/**
 * Puts an invitation's email in the outbox, in the transaction that created (or renewed) the invitation:
 * it is sent exactly when the invitation exists, and a crash after the commit still sends it. It is
 * written in the language of the account that already has the address, if any, else in English.
 */
export async function queueInvitationEmail(
  ctx: WorkspaceActionContext,
  send: { invitationId: string; email: string; token: string; role: Role; expiresAt: Date },
): Promise<void> {
  const link = `${await ctx.origin()}/invite/${send.token}`;
  const account = await ctx.tx.user.findUnique({ where: { email: send.email }, select: { locale: true } });
  const email = invitationEmail({
    to: send.email,
    locale: recipientLocale(account?.locale),
    invitationId: send.invitationId,
    workspaceName: ctx.workspace.name,
    inviterName: ctx.user.name,
    role: send.role,
    link,
    expiresAt: send.expiresAt,
  });
  await enqueueEmail(ctx.tx, { ...email, kind: "invitation", workspaceId: ctx.workspace.id });
}
