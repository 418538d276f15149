"use server";

import {
  AlertRuleIdSchema,
  AlertRuleSchema,
  ChannelIdSchema,
  channelSchema,
  ToggleChannelSchema,
} from "@/lib/alerting/schemas";
import {
  createRule,
  deleteChannel,
  deleteRule,
  saveChannel,
  sendTest,
  setChannelEnabled,
} from "@/lib/alerting/service";
import { workspaceAction } from "@/lib/authz";
import { plainHttpAllowedSomewhere } from "@/lib/outbound";
import { enforceRateLimit } from "@/lib/rate-limits/service";

export const saveChannelAction = workspaceAction(
  // The same syntax the form checks (http:// only where some host is allowed it); the service then
  // applies the outbound policy to the host. Read on every parse, so a deployment's setting (and a
  // test's) applies at once.
  { name: "alerting.saveChannel", permission: "alerts.manage", input: channelSchema(plainHttpAllowedSomewhere) },
  (ctx, input) => saveChannel(ctx, input),
);

export const toggleChannelAction = workspaceAction(
  { name: "alerting.toggleChannel", permission: "alerts.manage", input: ToggleChannelSchema },
  (ctx, input) => setChannelEnabled(ctx, input.channelId, input.enabled),
);

export const deleteChannelAction = workspaceAction(
  { name: "alerting.deleteChannel", permission: "alerts.manage", input: ChannelIdSchema },
  (ctx, input) => deleteChannel(ctx, input.channelId),
);

export const sendTestAlertAction = workspaceAction(
  { name: "alerting.sendTest", permission: "alerts.manage", input: ChannelIdSchema },
  async (ctx, input) => {
    // Each test makes the server call out (or send mail); counted per workspace, before anything else.
    await enforceRateLimit("alertTestsPerWorkspace", ctx.workspace.id, ctx.tx);
    return sendTest(ctx, input.channelId);
  },
);

export const createAlertRuleAction = workspaceAction(
  { name: "alerting.createRule", permission: "alerts.manage", input: AlertRuleSchema },
  (ctx, input) => createRule(ctx, input),
);

export const deleteAlertRuleAction = workspaceAction(
  { name: "alerting.deleteRule", permission: "alerts.manage", input: AlertRuleIdSchema },
  (ctx, input) => deleteRule(ctx, input.ruleId),
);
