import type { Tx } from "@/lib/db";
import type { OutgoingEmail } from "@/lib/email";
import { enqueueEmail, type EmailKind } from "@/lib/email/outbox";
import { queueSignal } from "@/lib/queue/signal";

/**
 * Account mail goes through the outbox like every other: written with the change that causes it (the
 * token it carries exists exactly when the mail does), sent by the worker with retries. Answers that
 * must not tell a known address from an unknown one stay alike: both write one row.
 */
export async function queueAccountEmail(tx: Tx, email: OutgoingEmail, kind: EmailKind): Promise<void> {
  await enqueueEmail(tx, { ...email, kind });
}

/** After a transaction of the account service's own (not an entry point's) committed mail: send it now. */
export function sendQueuedAccountEmail(): void {
  queueSignal.wake();
}
