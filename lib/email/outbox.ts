import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { assertOutsideTransaction, whenCommitted } from "@/lib/db/transaction-scope";
import { claimWithLease } from "@/lib/queue/lease";
import { queueSignal } from "@/lib/queue/signal";
import { Prisma } from "@/generated/prisma/client";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { EmailSendError, emailTransport, openRecorded, sealRecordedLink, type OutgoingEmail } from "./index";

/**
 * The outbox: every email is written in the transaction of the change that causes it, and sent by the
 * queue worker (lib/worker.ts) with retries and backoff. If the process dies between the change and the
 * send, the mail is still there and goes out when any instance's worker next runs.
 */

export const MAX_EMAIL_ATTEMPTS = 8;
const BODY_CONTEXT = "outbound-email";

/** 10 s, 20 s, 40 s … capped at 30 minutes, with jitter: eight attempts span about an hour and a half. */
export function emailBackoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 30 * 60 * 1000) + Math.floor(Math.random() * 1000);
}

export type EmailKind =
  | "invitation"
  | "verify_email"
  | "account_exists"
  | "reset_password"
  | "change_email"
  | "email_change_notice"
  | "quota_decision"
  | "billing"
  | "alert"
  | "access_request";

/** Stores one email with the caller's change; nothing is sent until the transaction commits. */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail & { kind: EmailKind; workspaceId?: string | null }): Promise<{ id: string }> {
  whenCommitted(() => queueSignal.wake());
  return tx.outboundEmail.create({
    data: {
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      textCiphertext: encryptSecret(email.text, BODY_CONTEXT),
      htmlCiphertext: encryptSecret(email.html, BODY_CONTEXT),
      linkCiphertext: email.meta?.link ? sealRecordedLink(email.meta.link) : null,
      workspaceId: email.workspaceId ?? null,
      invitationId: email.meta?.invitationId ?? null,
    },
    select: { id: true },
  });
}

interface ClaimedEmail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  textCiphertext: string;
  htmlCiphertext: string;
  linkCiphertext: string | null;
  invitationId: string | null;
  attempts: number;
}

/** Takes due emails with a lease (lib/queue/lease.ts): every instance's worker claims, none takes one twice. */
export function claimDueEmails(limit = 10, leaseMs = 60_000): Promise<ClaimedEmail[]> {
  return claimWithLease<ClaimedEmail>(
    "OutboundEmail",
    Prisma.sql`id, kind, "to", subject, "textCiphertext", "htmlCiphertext", "linkCiphertext", "invitationId", attempts`,
    limit,
    leaseMs,
  );
}

/**
 * Sends one claimed email. Its id goes to the provider as the idempotency key (and into a header), so a
 * retry of a send that did go out, after a crash before it was recorded, is either dropped by the
 * provider or arrives as a recognisable duplicate.
 */
export async function sendClaimedEmail(email: ClaimedEmail): Promise<{ ok: boolean; error: string | null }> {
  assertOutsideTransaction("Sending email");
  if (email.invitationId && !(await invitationStillOpen(email.invitationId))) {
    // Revoked (or its workspace deleted) while the mail waited: a link that says "revoked" helps nobody.
    await db().outboundEmail.update({
      where: { id: email.id },
      data: { status: "FAILED", lastError: "Not sent: the invitation was closed before its email went out", lockedUntil: null },
    });
    return { ok: false, error: "closed" };
  }
  let outcome: { ok: boolean; error: string | null; providerId?: string };
  try {
    const { id } = await emailTransport().send(
      {
        to: email.to,
        subject: email.subject,
        text: decryptSecret(email.textCiphertext, BODY_CONTEXT),
        html: decryptSecret(email.htmlCiphertext, BODY_CONTEXT),
        meta: {
          ...(email.invitationId ? { invitationId: email.invitationId } : {}),
          ...(email.linkCiphertext ? { link: openRecorded(email.linkCiphertext) } : {}),
        },
      },
      { idempotencyKey: email.id },
    );
    outcome = { ok: true, error: null, providerId: id };
  } catch (error) {
    if (!(error instanceof EmailSendError)) console.error("[outbox]", error);
    outcome = { ok: false, error: error instanceof EmailSendError ? error.message : "The email could not be sent." };
  }
  await recordEmailOutcome(email, outcome);
  return outcome;
}

async function invitationStillOpen(invitationId: string): Promise<boolean> {
  const invitation = await db().invitation.findUnique({
    where: { id: invitationId },
    select: { acceptedAt: true, revokedAt: true, declinedAt: true, workspace: { select: { deletedAt: true } } },
  });
  return Boolean(invitation && !invitation.acceptedAt && !invitation.revokedAt && !invitation.declinedAt && !invitation.workspace.deletedAt);
}

async function recordEmailOutcome(email: ClaimedEmail, outcome: { ok: boolean; error: string | null; providerId?: string }) {
  const final = !outcome.ok && email.attempts >= MAX_EMAIL_ATTEMPTS;
  await db().$transaction(async (tx) => {
    await tx.outboundEmail.update({
      where: { id: email.id },
      data: outcome.ok
        ? { status: "SENT", sentAt: new Date(), providerId: outcome.providerId ?? null, lastError: null, lockedUntil: null }
        : final
          ? { status: "FAILED", lastError: outcome.error, lockedUntil: null }
          : { status: "PENDING", lastError: outcome.error, lockedUntil: null, nextAttemptAt: new Date(Date.now() + emailBackoffMs(email.attempts)) },
    });
    // The invitation row keeps what the members page has always shown: when it was last sent, or why not.
    if (email.invitationId) {
      await tx.invitation.updateMany({
        where: { id: email.invitationId },
        data: outcome.ok ? { lastSentAt: new Date(), sendError: null } : { sendError: outcome.error },
      });
    }
  });
}

/** One pass: claim what is due and send it. Returns how many were attempted. */
export async function runOutboxOnce(limit = 10): Promise<number> {
  const claimed = await claimDueEmails(limit);
  await Promise.all(claimed.map((email) => sendClaimedEmail(email)));
  return claimed.length;
}

/** Where one email stands, for the pages that show it. */
export type EmailState = "sending" | "sent" | "retrying" | "failed";

export function emailState(row: { status: string; attempts: number }): EmailState {
  if (row.status === "SENT") return "sent";
  if (row.status === "FAILED") return "failed";
  return row.status === "PENDING" && row.attempts > 0 ? "retrying" : "sending";
}
