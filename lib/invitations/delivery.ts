import { db } from "@/lib/db";
import { EmailSendError, emailTransport } from "@/lib/email";
import type { Role } from "@/generated/prisma/enums";
import { invitationEmail } from "./email";

/** A link to send once the transaction has committed (mail for a rolled-back invitation would be a lie). */
export interface PendingSend {
  invitationId: string;
  email: string;
  token: string;
  role: Role;
  expiresAt: Date;
}

/** Sends each invitation; a failure is kept on the row (shown, resendable) instead of being thrown. */
export async function deliverInvitations(
  sends: PendingSend[],
  context: { workspaceName: string; inviterName: string; origin: string },
): Promise<Map<string, string | null>> {
  const transport = emailTransport();
  const outcomes = new Map<string, string | null>();
  for (const send of sends) {
    const link = `${context.origin}/invite/${send.token}`;
    let error: string | null = null;
    try {
      await transport.send(
        invitationEmail({
          to: send.email,
          invitationId: send.invitationId,
          workspaceName: context.workspaceName,
          inviterName: context.inviterName,
          role: send.role,
          link,
          expiresAt: send.expiresAt,
        }),
      );
    } catch (e) {
      error = e instanceof EmailSendError ? e.message : "The email could not be sent.";
      if (!(e instanceof EmailSendError)) console.error("[email]", e);
    }
    await db().invitation.update({
      where: { id: send.invitationId },
      data: error ? { sendError: error } : { sendError: null, lastSentAt: new Date() },
    });
    outcomes.set(send.invitationId, error);
  }
  return outcomes;
}
