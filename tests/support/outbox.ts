import { runOutboxOnce } from "@/lib/email/outbox";

/**
 * Sends what the outbox holds, as the server's worker would within a moment: integration tests have
 * no worker running, so a test that reads the mailbox after an action sends the queue first.
 */
export async function sendQueuedMail(): Promise<void> {
  while ((await runOutboxOnce()) > 0) {
    // until a pass finds nothing due
  }
}
