import { randomBytes } from "node:crypto";
import type { WorkspaceActionContext } from "@/lib/authz/types";
import { isUniqueViolation } from "@/lib/db/errors";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { outboundUrlProblem } from "@/lib/outbound";
import type { AlertKind, ChannelKind } from "@/generated/prisma/enums";
import { describeAlert, type TestAlert } from "./describe";
import { DROPPED_DISABLED, recordOutcome } from "./queue";
import { channelSecretContext, channelUrlContext, sendToChannel, type SendOutcome } from "./send";

type Ctx = WorkspaceActionContext;

async function channelFor(ctx: Ctx, channelId: string) {
  const channel = await ctx.tx.notificationChannel.findFirst({ where: { id: channelId, workspaceId: ctx.workspace.id } });
  if (!channel) throw Refusal.notFound("That channel");
  return channel;
}

/**
 * Creates or edits a channel. A webhook gets a signing secret when it is made; it is returned that
 * once (to paste into the receiver) and stored only encrypted.
 */
export async function saveChannel(
  ctx: Ctx,
  input: { channelId?: string; kind: ChannelKind; name: string; emails: string[]; url?: string },
): Promise<{ id: string; signingSecret?: string }> {
  const existing = input.channelId ? await channelFor(ctx, input.channelId) : null;
  if (existing && existing.kind !== input.kind) throw Refusal.field("kind", messageKey("errors.alerting.kindFixed"));
  // The schema checks the syntax (in the browser too); whether this deployment may call the address
  // (https, a public IP literal, or a host the operator allowed) is the server's to say.
  const problem = input.kind !== "EMAIL" && input.url ? outboundUrlProblem(input.url) : null;
  if (problem) throw Refusal.field("url", problem);
  let channel;
  try {
    channel = existing
      ? await ctx.tx.notificationChannel.update({ where: { id: existing.id }, data: { name: input.name, emails: input.emails } })
      : await ctx.tx.notificationChannel.create({ data: { workspaceId: ctx.workspace.id, kind: input.kind, name: input.name, emails: input.emails } });
  } catch (error) {
    if (isUniqueViolation(error)) throw Refusal.field("name", messageKey("errors.alerting.nameTaken"));
    throw error;
  }
  let signingSecret: string | undefined;
  if (input.kind !== "EMAIL" && input.url) {
    await ctx.tx.notificationChannel.update({
      where: { id: channel.id },
      data: { urlCiphertext: encryptSecret(input.url, channelUrlContext(channel.id)), urlHint: urlHint(input.url) },
    });
  }
  if (input.kind === "WEBHOOK" && !existing) {
    signingSecret = `whsec_${randomBytes(24).toString("base64url")}`;
    await ctx.tx.notificationChannel.update({
      where: { id: channel.id },
      data: { signingSecretCiphertext: encryptSecret(signingSecret, channelSecretContext(channel.id)) },
    });
  }
  await ctx.audit({
    action: existing ? "alerting.channel_updated" : "alerting.channel_created",
    targetType: "channel",
    targetId: channel.id,
    metadata: { kind: input.kind, name: input.name, urlChanged: Boolean(input.url) },
  });
  return { id: channel.id, ...(signingSecret ? { signingSecret } : {}) };
}

/** Enough of a URL to recognise it, not enough to use it (Slack's path is the credential). */
function urlHint(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/…${secretHint(parsed.pathname + parsed.search).slice(1)}`;
}

/**
 * Disabling a channel drops the alerts still queued for it, in the same transaction: turned back on
 * later, it must not deliver a backlog from while it was off. The worker drops any it had already
 * claimed (lib/alerting/queue.ts).
 */
export async function setChannelEnabled(ctx: Ctx, channelId: string, enabled: boolean) {
  const channel = await channelFor(ctx, channelId);
  await ctx.tx.notificationChannel.update({ where: { id: channel.id }, data: { enabled } });
  let dropped = 0;
  if (!enabled) {
    // The status condition makes each row's change atomic against a worker claiming it at this moment.
    const rows = await ctx.tx.delivery.updateManyAndReturn({
      where: { channelId: channel.id, status: "PENDING" },
      data: { status: "FAILED", lockedUntil: null },
      select: { id: true },
    });
    await ctx.tx.deliveryAttempt.createMany({ data: rows.map((r) => ({ deliveryId: r.id, ok: false, latencyMs: 0, error: DROPPED_DISABLED })) });
    dropped = rows.length;
  }
  await ctx.audit({
    action: enabled ? "alerting.channel_enabled" : "alerting.channel_disabled",
    targetType: "channel",
    targetId: channel.id,
    metadata: enabled ? { name: channel.name } : { name: channel.name, droppedDeliveries: dropped },
  });
}

export async function deleteChannel(ctx: Ctx, channelId: string) {
  const channel = await channelFor(ctx, channelId);
  await ctx.tx.notificationChannel.delete({ where: { id: channel.id } });
  await ctx.audit({ action: "alerting.channel_deleted", targetType: "channel", targetId: channel.id, metadata: { name: channel.name } });
}

/** "Send test": stored like any delivery, sent at once, and the outcome shown to the person who asked. */
export async function sendTest(ctx: Ctx, channelId: string): Promise<SendOutcome> {
  const channel = await channelFor(ctx, channelId);
  const test: TestAlert = { kind: "TEST", by: ctx.user.name, channel: channel.name };
  const payload = {
    event: "TEST",
    ...describeAlert(test),
    workspace: { id: ctx.workspace.id, name: ctx.workspace.name, slug: ctx.workspace.slug },
    data: { ...test },
    test: true,
  };
  const delivery = await ctx.tx.delivery.create({
    data: {
      workspaceId: ctx.workspace.id,
      channelId: channel.id,
      event: "TEST",
      payload,
      status: "SENDING",
      attempts: 1,
      lockedUntil: new Date(Date.now() + 60_000),
    },
  });
  await ctx.audit({ action: "alerting.test_sent", targetType: "channel", targetId: channel.id, metadata: { name: channel.name } });
  const outcome: SendOutcome = { ok: false, httpStatus: null, latencyMs: 0, error: "Not sent" };
  ctx.afterCommit(async () => {
    Object.assign(outcome, await sendToChannel(channel, payload, delivery.id));
    await recordOutcome({ id: delivery.id, attempts: 1 }, outcome);
  });
  return outcome;
}

export async function createRule(ctx: Ctx, input: { kind: AlertKind; threshold: number | null; channelIds: string[] }) {
  const channels = await ctx.tx.notificationChannel.count({ where: { workspaceId: ctx.workspace.id, id: { in: input.channelIds } } });
  if (channels !== new Set(input.channelIds).size) throw new Refusal("NOT_FOUND", messageKey("errors.alerting.channelNotFound"), { channelIds: messageKey("errors.alerting.channelNotFound") });
  const rule = await ctx.tx.alertRule.create({ data: { workspaceId: ctx.workspace.id, ...input } });
  await ctx.audit({ action: "alerting.rule_created", targetType: "rule", targetId: rule.id, metadata: { kind: input.kind, threshold: input.threshold } });
  return { id: rule.id };
}

export async function deleteRule(ctx: Ctx, ruleId: string) {
  const rule = await ctx.tx.alertRule.findFirst({ where: { id: ruleId, workspaceId: ctx.workspace.id } });
  if (!rule) throw Refusal.notFound("That rule");
  await ctx.tx.alertRule.delete({ where: { id: rule.id } });
  await ctx.audit({ action: "alerting.rule_deleted", targetType: "rule", targetId: rule.id, metadata: { kind: rule.kind } });
}

