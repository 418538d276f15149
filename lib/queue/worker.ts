import { randomUUID } from "node:crypto";
import { runDeliveryWorkerOnce } from "@/lib/alerting/queue";
import { runRenewalPass } from "@/lib/billing/renewal";
import { runOutboxOnce } from "@/lib/email/outbox";
import { purgeDeletedWorkspaces } from "@/lib/workspaces/purge";
import { tidyExpiredGrantsWhenDue } from "@/lib/roles/tidy";
import { queueSignal } from "./signal";

/**
 * The one background worker of every server process (started in instrumentation.ts): it drains the
 * alert deliveries and the email outbox, and purges deleted workspaces once they can no longer be restored. Every instance runs one; the queues are shared through
 * FOR UPDATE SKIP LOCKED with leases, so instances never send one item twice and a dead one's claims
 * come due again. DELIVERY_WORKER=off disables it in a process.
 */

const PASSES: { name: string; run: () => Promise<number> }[] = [
  { name: "deliveries", run: () => runDeliveryWorkerOnce() },
  { name: "outbox", run: () => runOutboxOnce() },
  { name: "renewals", run: () => runRenewalPass() },
  // Deleted workspaces whose time to be restored has passed; a batch at a time.
  { name: "purge", run: async () => (await purgeDeletedWorkspaces()).purged.length },
  // Grants, team memberships, custom roles and approvals past their expiry: already powerless, tidied and audited.
  { name: "expired-grants", run: () => tidyExpiredGrantsWhenDue() },
];

let started = false;
let running = false;
let again = false;
const workerId = randomUUID().slice(0, 8);

/** Drains every queue until a pass finds nothing; one drain at a time per process. */
export async function drainQueues(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      for (const pass of PASSES) {
        try {
          while ((await pass.run()) > 0) {
            // keep draining while there is work
          }
        } catch (error) {
          // A database that is down (restarting, failing over) is retried on the next tick.
          console.error(`[worker ${workerId}] ${pass.name}:`, error instanceof Error ? error.message : error);
        }
      }
    } while (again);
  } finally {
    running = false;
  }
}

export function startQueueWorker(intervalMs = 2000): void {
  if (started || process.env.DELIVERY_WORKER === "off") return;
  started = true;
  const timer = setInterval(() => void drainQueues(), intervalMs);
  timer.unref();
  // After a commit that queued mail the sender usually has it within a moment. Only a nudge: if this
  // process dies first, any instance's next tick sends it.
  queueSignal.wake = () => setImmediate(() => void drainQueues());
}
