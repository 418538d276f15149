"use server";

import { AiSettingsSchema } from "@/lib/ai/schemas";
import { removeAiKey, saveAiSettings, testAiConnection } from "@/lib/ai/service";
import { workspaceAction } from "@/lib/authz";
import { enforceRateLimit } from "@/lib/rate-limits/service";
import { z } from "zod";

export const saveAiSettingsAction = workspaceAction(
  { name: "ai.save", permission: "ai.manage", input: AiSettingsSchema },
  (ctx, input) => saveAiSettings(ctx, input),
);

export const removeAiKeyAction = workspaceAction(
  { name: "ai.removeKey", permission: "ai.manage", input: z.object({}) },
  (ctx) => removeAiKey(ctx),
);

export const testAiConnectionAction = workspaceAction(
  { name: "ai.testConnection", permission: "ai.manage", input: z.object({}) },
  async (ctx) => {
    // Each test makes the server call out; counted per workspace, before anything else.
    await enforceRateLimit("aiTestsPerWorkspace", ctx.workspace.id, ctx.tx);
    return testAiConnection(ctx);
  },
);
