import { decryptSecret } from "@/lib/crypto/secrets";
import { assertOutsideTransaction } from "@/lib/db/transaction-scope";
import { db } from "@/lib/db";
import { escapeHtml } from "@/lib/email";
import { enqueueEmail } from "@/lib/email/outbox";
import { recipientLocale, type AppLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";
import { queueSignal } from "@/lib/queue/signal";
import { OutboundError, outboundRequest } from "@/lib/outbound";
import type { ChannelKind } from "@/generated/prisma/enums";
import { describeAlert, type AlertEvent, type TestAlert } from "./describe";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signature, TIMESTAMP_HEADER } from "./signing";

export interface ChannelForSending {
  id: string;
  workspaceId: string;
  kind: ChannelKind;
  emails: string[];
  urlCiphertext: string | null;
  signingSecretCiphertext: string | null;
}

export interface AlertPayload {
  event: string;
  title: string;
  text: string;
  workspace: { id: string; name: string; slug: string };
  data: Record<string, unknown>;
  test?: boolean;
}

export interface SendOutcome {
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number;
  error: string | null;
}

export const channelUrlContext = (channelId: string) => `channel-url:${channelId}`;
export const channelSecretContext = (channelId: string) => `channel-secret:${channelId}`;

const TIMEOUT_MS = 5000;

/**
 * Slack reads `<…>` as a link or a mention (`<!channel>`, `<https://evil|click>`) and `&` as the start
 * of an entity, so text a member typed (a name, an instance name) is escaped the way Slack asks.
 */
export function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

export function slackMessage(payload: AlertPayload): { text: string } {
  return { text: `*${escapeSlack(payload.title)}*\n${escapeSlack(payload.text)}` };
}

/** An alert as mail in `locale`: from its event data when it has some, else the words it was stored with. */
export function alertEmail(payload: AlertPayload, locale: AppLocale): { subject: string; text: string; html: string } {
  const event = payload.data as Partial<AlertEvent | TestAlert>;
  const { title, text } = typeof event.kind === "string" ? describeAlert(event as AlertEvent | TestAlert, locale) : payload;
  const t = translatorFor(locale, "alerting.email");
  const workspace = t("workspace", { workspace: payload.workspace.name });
  const kind = t("event", { event: payload.event });
  return {
    subject: t("subject", { workspace: payload.workspace.name, title }),
    text: `${text}\n\n${workspace}\n${kind}`,
    html: `<p>${escapeHtml(text)}</p><p>${escapeHtml(workspace)}<br>${escapeHtml(kind)}</p>`,
  };
}

/** One attempt to deliver one alert to one channel; a failed send does not throw, the outcome says what happened. */
export async function sendToChannel(channel: ChannelForSending, payload: AlertPayload, deliveryId: string): Promise<SendOutcome> {
  // Mail and webhooks alike: a send waits on another host, so never while a transaction is open.
  assertOutsideTransaction("Sending an alert");
  const started = performance.now();
  const done = (ok: boolean, httpStatus: number | null, error: string | null): SendOutcome => ({
    ok,
    httpStatus,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  try {
    if (channel.kind === "EMAIL") {
      // Each address that belongs to an account reads the alert in that account's language; others in English.
      const accounts = await db().user.findMany({ where: { email: { in: channel.emails } }, select: { email: true, locale: true } });
      const localeOf = new Map(accounts.map((a) => [a.email.toLowerCase(), recipientLocale(a.locale)]));
      // Handed to the outbox, which sends each with its own retries: the delivery is done once queued.
      await db().$transaction(async (tx) => {
        for (const to of channel.emails) {
          await enqueueEmail(tx, { kind: "alert", workspaceId: channel.workspaceId, to, ...alertEmail(payload, localeOf.get(to.toLowerCase()) ?? "en") });
        }
      });
      queueSignal.wake();
      return done(true, null, null);
    }
    const url = decryptSecret(channel.urlCiphertext ?? "", channelUrlContext(channel.id));
    const body = JSON.stringify(channel.kind === "SLACK" ? slackMessage(payload) : { id: deliveryId, ...payload });
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "workspaces-alerts/1", [DELIVERY_HEADER]: deliveryId };
    if (channel.kind === "WEBHOOK" && channel.signingSecretCiphertext) {
      const secret = decryptSecret(channel.signingSecretCiphertext, channelSecretContext(channel.id));
      const timestamp = Math.floor(Date.now() / 1000);
      headers[TIMESTAMP_HEADER] = String(timestamp);
      headers[SIGNATURE_HEADER] = `v1=${signature(secret, timestamp, body)}`;
    }
    // Only the status matters; the receiver's answer is not read.
    const response = await outboundRequest(url, { method: "POST", headers, body, timeoutMs: TIMEOUT_MS, readBody: false });
    if (response.ok) return done(true, response.status, null);
    const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
    return done(false, response.status, `The receiver answered ${response.status}${redirect}`);
  } catch (error) {
    if (error instanceof OutboundError && error.failure === "refused") return done(false, null, `Refused: ${error.message}`);
    return done(false, null, error instanceof Error ? error.message : "Sending failed");
  }
}
