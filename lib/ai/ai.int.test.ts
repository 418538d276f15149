import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeAiKeyAction, saveAiSettingsAction, testAiConnectionAction } from "@/lib/ai/actions";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { startReceiver } from "@/tests/support/receiver";
import { makePeople, makeWorld, type People } from "@/tests/support/world";
import { aiSettingsView } from "./service";
import { forged } from "@/tests/support/forged";

let people: People;
let provider: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  [people, provider] = await Promise.all([
    makePeople(),
    startReceiver({
      "/v1/models": { status: 200, body: { data: [{ id: "claude-sonnet-4-5" }, { id: "claude-haiku-4-5" }] } },
      "/openai/models": { status: 401, body: { error: { message: "Incorrect API key provided" } } },
      "/api/tags": { status: 200, body: { models: [{ name: "llama3.1" }] } },
    }),
  ]);
});
afterAll(() => provider.server.close());

const KEY = "sk-ant-secret-value-7890";

describe("AI settings", () => {
  it("keep the key encrypted, show only its hint, keep it on a blank save, and never audit it", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "ANTHROPIC", model: "claude-sonnet-4-5", apiKey: KEY, baseUrl: provider.url })).toMatchObject({ ok: true });
    expect(await aiSettingsView(w.workspace.id)).toMatchObject({ provider: "ANTHROPIC", apiKeyHint: "…7890" });
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "ANTHROPIC", model: "claude-haiku-4-5", apiKey: "", baseUrl: provider.url })).toMatchObject({ ok: true });
    expect(await aiSettingsView(w.workspace.id)).toMatchObject({ model: "claude-haiku-4-5", apiKeyHint: "…7890" });

    const rows = JSON.stringify([await db().$queryRaw`SELECT * FROM "AiSettings"`, await db().$queryRaw`SELECT * FROM "AuditEvent"`]);
    expect(rows).not.toContain(KEY);
    expect(rows).not.toContain("secret-value");

    const result = await testAiConnectionAction(w.workspace.slug, {});
    expect(result).toMatchObject({ ok: true, data: { ok: true, httpStatus: 200, models: 2, message: "Connected: 2 model(s) available" } });
    const call = provider.received.at(-1)!;
    expect(call).toMatchObject({ path: "/v1/models", headers: { "x-api-key": KEY, "anthropic-version": "2023-06-01" } });

    expect(await removeAiKeyAction(w.workspace.slug, {})).toMatchObject({ ok: true });
    expect(await aiSettingsView(w.workspace.id)).toMatchObject({ apiKeyHint: null });
    expect(await testAiConnectionAction(w.workspace.slug, {})).toMatchObject({ ok: false, error: "Anthropic needs an API key." });
  });

  it("drop a stored key when the provider or address changes without a new key, so it is never sent elsewhere", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    await saveAiSettingsAction(w.workspace.slug, { provider: "OPENAI", model: "gpt-4.1", apiKey: KEY, baseUrl: `${provider.url}/openai` });
    const before = provider.received.length;
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "OPENAI", model: "gpt-4.1", apiKey: "", baseUrl: `${provider.url}/elsewhere` })).toMatchObject({ ok: true });
    expect(await aiSettingsView(w.workspace.id)).toMatchObject({ apiKeyHint: null });
    expect(await testAiConnectionAction(w.workspace.slug, {})).toMatchObject({ ok: false, error: "OpenAI needs an API key." });
    expect(JSON.stringify(provider.received.slice(before))).not.toContain(KEY);
    await saveAiSettingsAction(w.workspace.slug, { provider: "OPENAI", model: "gpt-4.1", apiKey: KEY, baseUrl: `${provider.url}/openai` });
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "house", apiKey: "", baseUrl: `${provider.url}/openai` })).toMatchObject({ ok: true });
    expect(await aiSettingsView(w.workspace.id)).toMatchObject({ provider: "CUSTOM", apiKeyHint: null });
  });

  it("show the provider's own error when the connection fails", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    await saveAiSettingsAction(w.workspace.slug, { provider: "OPENAI", model: "gpt-4.1", apiKey: "sk-wrong", baseUrl: `${provider.url}/openai` });
    expect(await testAiConnectionAction(w.workspace.slug, {})).toMatchObject({
      ok: true,
      data: { ok: false, httpStatus: 401, message: "OpenAI answered 401: Incorrect API key provided" },
    });
    await saveAiSettingsAction(w.workspace.slug, { provider: "OLLAMA", model: "llama3.1", baseUrl: provider.url });
    expect(await testAiConnectionAction(w.workspace.slug, {})).toMatchObject({ ok: true, data: { ok: true, models: 1 } });
    await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "any", baseUrl: "http://127.0.0.1:9" });
    expect(await testAiConnectionAction(w.workspace.slug, {})).toMatchObject({ ok: true, data: { ok: false, message: expect.stringMatching(/^Could not reach Custom/) } });
  });

  it("require a base URL for Ollama and Custom, as http(s), writing nothing otherwise", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const before = await databaseSnapshot();
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "OLLAMA", model: "llama3.1" })).toMatchObject({ fieldErrors: { baseUrl: "Ollama needs a base URL" } });
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "m", baseUrl: "ftp://x" })).toMatchObject({ fieldErrors: { baseUrl: "Use an http:// or https:// URL" } });
    expect(await saveAiSettingsAction(w.workspace.slug, forged({ provider: "NOPE", model: "m" }))).toMatchObject({ code: "INVALID" });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
