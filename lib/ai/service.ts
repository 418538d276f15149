import type { WorkspaceActionContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { decryptSecret, encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { OutboundError, outboundRequest, outboundUrlProblem } from "@/lib/outbound";
import type { AiProvider } from "@/generated/prisma/enums";
import { PROVIDERS } from "./providers";

type Ctx = WorkspaceActionContext;
const keyContext = (workspaceId: string) => `ai-key:${workspaceId}`;

/** The browser sees the provider, model, base URL and a hint of the key; never the key. */
export async function aiSettingsView(workspaceId: string) {
  return db().aiSettings.findUnique({
    where: { workspaceId },
    select: { provider: true, model: true, baseUrl: true, apiKeyHint: true, updatedAt: true },
  });
}

export async function saveAiSettings(ctx: Ctx, input: { provider: AiProvider; model: string; apiKey?: string; baseUrl?: string }) {
  // The schema, shared with the browser, checks the syntax; whether this deployment may call the
  // address (https, a public IP literal, or a host the operator allowed) is the server's to say.
  const problem = input.baseUrl ? outboundUrlProblem(input.baseUrl) : null;
  if (problem) throw Refusal.field("baseUrl", problem);
  const existing = await ctx.tx.aiSettings.findUnique({ where: { workspaceId: ctx.workspace.id } });
  // A stored key is only ever sent where it was saved for. Kept across a change of provider or address,
  // anyone allowed to edit these settings could point them at their own server, press Test, and read
  // the key the screen never shows: so such a change without a new key drops the stored one.
  const destinationChanged = existing !== null && (existing.provider !== input.provider || (existing.baseUrl ?? null) !== (input.baseUrl || null));
  const dropKey = !input.apiKey && destinationChanged && existing.apiKeyCiphertext !== null;
  const key = input.apiKey
    ? { apiKeyCiphertext: encryptSecret(input.apiKey, keyContext(ctx.workspace.id)), apiKeyHint: secretHint(input.apiKey) }
    : dropKey
      ? { apiKeyCiphertext: null, apiKeyHint: null }
      : {};
  const data = { provider: input.provider, model: input.model, baseUrl: input.baseUrl || null, ...key };
  await ctx.tx.aiSettings.upsert({ where: { workspaceId: ctx.workspace.id }, create: { workspaceId: ctx.workspace.id, ...data }, update: data });
  await ctx.audit({
    action: "ai.settings_changed",
    targetType: "ai_settings",
    targetId: ctx.workspace.id,
    // Whether the key changed, never the key or its hint.
    metadata: { provider: input.provider, model: input.model, baseUrl: input.baseUrl || null, keyChanged: Boolean(input.apiKey), keyDropped: dropKey, before: existing ? { provider: existing.provider, model: existing.model } : null },
  });
}

export async function removeAiKey(ctx: Ctx) {
  const existing = await ctx.tx.aiSettings.findUnique({ where: { workspaceId: ctx.workspace.id } });
  if (!existing?.apiKeyCiphertext) throw new Refusal("CONFLICT", messageKey("errors.ai.noStoredKey"));
  await ctx.tx.aiSettings.update({ where: { workspaceId: ctx.workspace.id }, data: { apiKeyCiphertext: null, apiKeyHint: null } });
  await ctx.audit({ action: "ai.key_removed", targetType: "ai_settings", targetId: ctx.workspace.id });
}

export interface ConnectionOutcome {
  ok: boolean;
  httpStatus: number | null;
  models: number;
  latencyMs: number;
  message: string;
}

const TIMEOUT_MS = 5000;
// Model lists run to a few hundred KB where providers describe every model (OpenRouter, LiteLLM).
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * "Test connection": the stored settings are read in the action's transaction and the provider's
 * model list is fetched once it committed, through lib/outbound, so a slow or silent provider never
 * holds a database connection. The returned outcome is filled in before the action answers.
 */
export async function testAiConnection(ctx: Ctx): Promise<ConnectionOutcome> {
  const settings = await ctx.tx.aiSettings.findUnique({ where: { workspaceId: ctx.workspace.id } });
  if (!settings) throw new Refusal("CONFLICT", messageKey("errors.ai.saveFirst"));
  const spec = PROVIDERS[settings.provider];
  const key = settings.apiKeyCiphertext ? decryptSecret(settings.apiKeyCiphertext, keyContext(ctx.workspace.id)) : null;
  if (spec.needsKey && !key) throw new Refusal("CONFLICT", messageKey("errors.ai.needsKey", { provider: spec.label }));
  const request = spec.listRequest(settings.baseUrl ?? spec.defaultBaseUrl!, key);
  const outcome: ConnectionOutcome = { ok: false, httpStatus: null, models: 0, latencyMs: 0, message: messageKey("errors.ai.notCalled", { provider: spec.label }) };
  ctx.afterCommit(async () => {
    Object.assign(outcome, await listModels(spec, request));
  });
  return outcome;
}

async function listModels(spec: (typeof PROVIDERS)[AiProvider], request: { url: string; headers: Record<string, string> }): Promise<ConnectionOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await outboundRequest(request.url, { headers: request.headers, timeoutMs: TIMEOUT_MS, maxBodyBytes: MAX_BODY_BYTES });
    const body = response.json();
    if (!response.ok) {
      const detail = (body as { error?: { message?: string } | string } | null)?.error;
      const reason = typeof detail === "string" ? detail : (detail?.message ?? response.statusText);
      const redirect = response.status >= 300 && response.status < 400;
      const values = { provider: spec.label, status: response.status, reason };
      const message = redirect ? messageKey("errors.ai.answeredRedirect", values) : messageKey("errors.ai.answered", values);
      return { ok: false, httpStatus: response.status, models: 0, latencyMs: elapsed(), message };
    }
    const models = spec.countModels(body);
    return { ok: true, httpStatus: response.status, models, latencyMs: elapsed(), message: messageKey("errors.ai.connected", { models }) };
  } catch (error) {
    // Anything else is a bug (a call inside a transaction among them) and must not read as "unreachable".
    if (!(error instanceof OutboundError)) throw error;
    const message =
      error.failure === "refused"
        ? messageKey("errors.ai.refused", { reason: error.message })
        : messageKey("errors.ai.unreachable", { provider: spec.label, reason: error.message });
    return { ok: false, httpStatus: null, models: 0, latencyMs: elapsed(), message };
  }
}
