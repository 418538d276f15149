import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { claimWithLease } from "@/lib/queue/lease";
import { sendToChannel, type AlertPayload, type SendOutcome } from "./send";

export const MAX_ATTEMPTS = 6;

/** 5 s, 10 s, 20 s, … capped at 10 minutes, with a little jitter so retries do not march in step. */
export function backoffMs(attempts: number): number {
  const base = Math.min(5000 * 2 ** Math.max(0, attempts - 1), 10 * 60 * 1000);
  return base + Math.floor(Math.random() * 1000);
}

/** Stored in the caller's transaction: the alert exists exactly when the event that caused it does. */
export async function enqueueDeliveries(
  tx: Tx,
  input: { workspaceId: string; channelIds: string[]; ruleId: string | null; payload: AlertPayload },
): Promise<void> {
  if (input.channelIds.length === 0) return;
  const channels = await tx.notificationChannel.findMany({
    where: { id: { in: input.channelIds }, workspaceId: input.workspaceId, enabled: true },
    select: { id: true },
  });
  await tx.delivery.createMany({
    data: channels.map((c) => ({
      workspaceId: input.workspaceId,
      channelId: c.id,
      ruleId: input.ruleId,
      event: input.payload.event,
      payload: input.payload as unknown as Prisma.InputJsonObject,
    })),
  });
}

interface ClaimedDelivery {
  id: string;
  channelId: string;
  payload: AlertPayload;
  attempts: number;
}

/** Takes due deliveries with a lease (lib/queue/lease.ts): several instances never take the same one. */
export function claimDueDeliveries(limit = 10, leaseMs = 60_000): Promise<ClaimedDelivery[]> {
  return claimWithLease<ClaimedDelivery>("Delivery", Prisma.sql`id, "channelId", payload, attempts`, limit, leaseMs);
}

/** What the delivery log shows for an alert that was queued for a channel disabled since. */
export const DROPPED_DISABLED = "Dropped: the channel was disabled";

/** `final`: no retry whatever the outcome (the delivery was dropped rather than attempted). */
export async function recordOutcome(delivery: { id: string; attempts: number }, outcome: SendOutcome, options: { final?: boolean } = {}): Promise<void> {
  const final = outcome.ok || options.final === true || delivery.attempts >= MAX_ATTEMPTS;
  await db().$transaction([
    db().deliveryAttempt.create({
      data: { deliveryId: delivery.id, ok: outcome.ok, httpStatus: outcome.httpStatus, latencyMs: outcome.latencyMs, error: outcome.error },
    }),
    db().delivery.update({
      where: { id: delivery.id },
      data: outcome.ok
        ? { status: "SUCCEEDED", deliveredAt: new Date(), lockedUntil: null }
        : final
          ? { status: "FAILED", lockedUntil: null }
          : { status: "PENDING", lockedUntil: null, nextAttemptAt: new Date(Date.now() + backoffMs(delivery.attempts)) },
    }),
  ]);
}

export async function deliverClaimed(delivery: ClaimedDelivery): Promise<SendOutcome> {
  const channel = await db().notificationChannel.findUnique({ where: { id: delivery.channelId } });
  // Disabling a channel drops what was queued for it (lib/alerting/service.ts), but a delivery claimed
  // meanwhile, or a lease that ran out, still arrives here: the channel's state now decides.
  if (!channel || !channel.enabled) {
    const outcome: SendOutcome = { ok: false, httpStatus: null, latencyMs: 0, error: channel ? DROPPED_DISABLED : "The channel was deleted" };
    await recordOutcome(delivery, outcome, { final: true });
    return outcome;
  }
  const outcome = await sendToChannel(channel, delivery.payload, delivery.id);
  await recordOutcome(delivery, outcome);
  return outcome;
}

/** One pass of the worker: claim what is due and send it. Returns how many were attempted. */
export async function runDeliveryWorkerOnce(limit = 10): Promise<number> {
  const claimed = await claimDueDeliveries(limit);
  await Promise.all(claimed.map((d) => deliverClaimed(d)));
  return claimed.length;
}
