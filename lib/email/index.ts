import { Resend } from "resend";
import { encryptSecret, decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Kept with a recorded mail so the app can find it again (e.g. "Copy invite link"). */
  meta?: { invitationId?: string; link?: string };
}

export interface EmailTransport {
  readonly kind: "resend" | "recorded";
  /**
   * Resolves with the provider's id; throws EmailSendError with the provider's words when it fails.
   * `idempotencyKey` (the outbox row's id) makes a repeated send of the same mail recognisable.
   */
  send(email: OutgoingEmail, options?: { idempotencyKey?: string }): Promise<{ id: string }>;
}

export class EmailSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmailSendError";
  }
}

function fromAddress(): string {
  return process.env.EMAIL_FROM ?? "Workspaces <onboarding@resend.dev>";
}

/** The real sending path. RESEND_BASE_URL (read by the SDK) points it at a capture server in tests. */
class ResendTransport implements EmailTransport {
  readonly kind = "resend";
  private readonly client: Resend;

  constructor(apiKey: string) {
    this.client = new Resend(apiKey);
  }

  async send(email: OutgoingEmail, options: { idempotencyKey?: string } = {}) {
    const { data, error } = await this.client.emails.send(
      {
        from: fromAddress(),
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        // Shown by mail clients in the raw message: a duplicate after a crash carries the same id.
        ...(options.idempotencyKey ? { headers: { "X-Entity-Ref-ID": options.idempotencyKey } } : {}),
      },
      options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : undefined,
    );
    if (error || !data) throw new EmailSendError(error?.message ?? "The email service gave no answer.");
    return { id: data.id };
  }
}

const RECORDED_CONTEXT = "recorded-email";

/**
 * Without an API key (the demo), mail is recorded in the database instead of being lost. Its body and
 * any link are encrypted: an invitation link is a credential, and the table sits beside the hash of its
 * token, which would otherwise be pointless.
 */
class RecordedTransport implements EmailTransport {
  readonly kind = "recorded";

  async send(email: OutgoingEmail) {
    const { link, ...meta } = email.meta ?? {};
    const row = await db().recordedEmail.create({
      data: {
        to: email.to,
        subject: email.subject,
        text: encryptSecret(email.text, RECORDED_CONTEXT),
        html: encryptSecret(email.html, RECORDED_CONTEXT),
        meta: { ...meta, ...(link ? { linkCiphertext: sealRecordedLink(link) } : {}) },
        invitationId: email.meta?.invitationId ?? null,
      },
      select: { id: true },
    });
    return { id: row.id };
  }
}

export function sealRecordedLink(link: string): string {
  return encryptSecret(link, RECORDED_CONTEXT);
}

/** A recorded mail's link or body in clear, for "Copy invite link" (and tests reading the mailbox). */
export function openRecorded(ciphertext: string): string {
  return decryptSecret(ciphertext, RECORDED_CONTEXT);
}

/** The sending path. Only the outbox (lib/email/outbox.ts) calls it: everything else enqueues. */
export function emailTransport(): EmailTransport {
  const apiKey = process.env.RESEND_API_KEY;
  return apiKey ? new ResendTransport(apiKey) : new RecordedTransport();
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** True in the demo set-up, where mail is recorded instead of sent and links can be copied from it. */
export function mailIsRecorded(): boolean {
  return !process.env.RESEND_API_KEY;
}
