import { decryptSecret } from "@/lib/crypto/secrets";
import { emailTransport, escapeHtml } from "@/lib/email";
import type { ChannelKind } from "@/generated/prisma/enums";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signature, TIMESTAMP_HEADER } from "./signing";
import { assertSendable } from "./url-guard";

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

/** One attempt to deliver one alert to one channel; never throws, the outcome says what happened. */
export async function sendToChannel(channel: ChannelForSending, payload: AlertPayload, deliveryId: string): Promise<SendOutcome> {
  const started = performance.now();
  const done = (ok: boolean, httpStatus: number | null, error: string | null): SendOutcome => ({
    ok,
    httpStatus,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  try {
    if (channel.kind === "EMAIL") {
      const transport = emailTransport();
      for (const to of channel.emails) {
        await transport.send({
          to,
          subject: `[${payload.workspace.name}] ${payload.title}`,
          text: `${payload.text}\n\nWorkspace: ${payload.workspace.name}\nEvent: ${payload.event}`,
          html: `<p>${escapeHtml(payload.text)}</p><p>Workspace: ${escapeHtml(payload.workspace.name)}<br>Event: ${escapeHtml(payload.event)}</p>`,
        });
      }
      return done(true, null, null);
    }
    const url = decryptSecret(channel.urlCiphertext ?? "", channelUrlContext(channel.id));
    await assertSendable(url);
    const body = channel.kind === "SLACK" ? JSON.stringify({ text: `*${payload.title}*\n${payload.text}` }) : JSON.stringify({ id: deliveryId, ...payload });
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "workspaces-alerts/1", [DELIVERY_HEADER]: deliveryId };
    if (channel.kind === "WEBHOOK" && channel.signingSecretCiphertext) {
      const secret = decryptSecret(channel.signingSecretCiphertext, channelSecretContext(channel.id));
      const timestamp = Math.floor(Date.now() / 1000);
      headers[TIMESTAMP_HEADER] = String(timestamp);
      headers[SIGNATURE_HEADER] = `v1=${signature(secret, timestamp, body)}`;
    }
    // No redirects: a 3xx to an internal address would walk around the address check.
    const response = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok ? done(true, response.status, null) : done(false, response.status, `The receiver answered ${response.status}`);
  } catch (error) {
    const message = error instanceof Error ? (error.name === "TimeoutError" ? `No answer within ${TIMEOUT_MS / 1000} s` : error.message) : "Sending failed";
    return done(false, null, message);
  }
}
