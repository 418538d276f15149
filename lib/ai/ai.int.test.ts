import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { removeAiKeyAction, saveAiSettingsAction, testAiConnectionAction } from "@/lib/ai/actions";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { startReceiver } from "@/tests/support/receiver";
import { makePeople, makeWorld, type People } from "@/tests/support/world";
import { aiSettingsView } from "./service";
import { forged } from "@/tests/support/forged";
import { messageText } from "@/lib/i18n/translator";
/** What a person reads: every message in the result that is a catalog key, in English words. */
const inWords = <T,>(value: T): T => JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === "string" ? messageText(v) : v)) as T;

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
// The fake provider listens on loopback: the deployment allows exactly it, as an operator would a local Ollama.
const providerPort = () => new URL(provider.url).port;
beforeEach(() => {
  process.env.OUTBOUND_ALLOWED_HOSTS = `127.0.0.1:${providerPort()}`;
});
afterEach(() => {
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
});

const HINT = "only public addresses are allowed. An operator can allow it with OUTBOUND_ALLOWED_HOSTS.";

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
    expect(inWords(result)).toMatchObject({ ok: true, data: { ok: true, httpStatus: 200, models: 2, message: "Connected: 2 model(s) available" } });
    const call = provider.received.at(-1)!;
    expect(call).toMatchObject({ path: "/v1/models", headers: { "x-api-key": KEY, "anthropic-version": "2023-06-01" } });

    expect(await removeAiKeyAction(w.workspace.slug, {})).toMatchObject({ ok: true });
    expect(await aiSettingsView(w.workspace.id)).toMatchObject({ apiKeyHint: null });
    expect(inWords(await testAiConnectionAction(w.workspace.slug, {}))).toMatchObject({ ok: false, error: "Anthropic needs an API key." });
  });

  it("drop a stored key when the provider or address changes without a new key, so it is never sent elsewhere", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    await saveAiSettingsAction(w.workspace.slug, { provider: "OPENAI", model: "gpt-4.1", apiKey: KEY, baseUrl: `${provider.url}/openai` });
    const before = provider.received.length;
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "OPENAI", model: "gpt-4.1", apiKey: "", baseUrl: `${provider.url}/elsewhere` })).toMatchObject({ ok: true });
    expect(await aiSettingsView(w.workspace.id)).toMatchObject({ apiKeyHint: null });
    expect(inWords(await testAiConnectionAction(w.workspace.slug, {}))).toMatchObject({ ok: false, error: "OpenAI needs an API key." });
    expect(JSON.stringify(provider.received.slice(before))).not.toContain(KEY);
    await saveAiSettingsAction(w.workspace.slug, { provider: "OPENAI", model: "gpt-4.1", apiKey: KEY, baseUrl: `${provider.url}/openai` });
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "house", apiKey: "", baseUrl: `${provider.url}/openai` })).toMatchObject({ ok: true });
    expect(await aiSettingsView(w.workspace.id)).toMatchObject({ provider: "CUSTOM", apiKeyHint: null });
  });

  it("show the provider's own error when the connection fails", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    await saveAiSettingsAction(w.workspace.slug, { provider: "OPENAI", model: "gpt-4.1", apiKey: "sk-wrong", baseUrl: `${provider.url}/openai` });
    expect(inWords(await testAiConnectionAction(w.workspace.slug, {}))).toMatchObject({
      ok: true,
      data: { ok: false, httpStatus: 401, message: "OpenAI answered 401: Incorrect API key provided" },
    });
    await saveAiSettingsAction(w.workspace.slug, { provider: "OLLAMA", model: "llama3.1", baseUrl: provider.url });
    expect(await testAiConnectionAction(w.workspace.slug, {})).toMatchObject({ ok: true, data: { ok: true, models: 1 } });
    process.env.OUTBOUND_ALLOWED_HOSTS = "127.0.0.1:9";
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "any", baseUrl: "http://127.0.0.1:9" })).toMatchObject({ ok: true });
    expect(inWords(await testAiConnectionAction(w.workspace.slug, {}))).toMatchObject({
      ok: true,
      data: { ok: false, httpStatus: null, message: "Could not reach Custom (OpenAI-compatible): Connecting to 127.0.0.1 failed: ECONNREFUSED" },
    });
  });

  it("require a base URL for Ollama and Custom, as http(s), writing nothing otherwise", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const before = await databaseSnapshot();
    expect(inWords(await saveAiSettingsAction(w.workspace.slug, { provider: "OLLAMA", model: "llama3.1" }))).toMatchObject({ fieldErrors: { baseUrl: "Ollama needs a base URL" } });
    expect(inWords(await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "m", baseUrl: "ftp://x" }))).toMatchObject({ fieldErrors: { baseUrl: "Use an http:// or https:// URL" } });
    expect(await saveAiSettingsAction(w.workspace.slug, forged({ provider: "NOPE", model: "m" }))).toMatchObject({ code: "INVALID" });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("AI test connection, called out of the server", () => {
  it("refuses at save time, on the base URL field, what the deployment may not call, writing nothing", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const before = await databaseSnapshot();
    const save = (baseUrl: string) => saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "m", baseUrl });
    expect(await save("https://127.0.0.1:8443")).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { baseUrl: `127.0.0.1 is a loopback address; ${HINT}` } });
    expect(await save("https://[::ffff:169.254.169.254]/v1")).toMatchObject({
      fieldErrors: { baseUrl: `::ffff:a9fe:a9fe (169.254.169.254) is a link-local address; ${HINT}` },
    });
    expect(await save("https://0x7f.1/")).toMatchObject({ fieldErrors: { baseUrl: `127.0.0.1 is a loopback address; ${HINT}` } });
    expect(await save("http://localhost:11434")).toMatchObject({
      fieldErrors: { baseUrl: "Use an https:// URL; plain http is only for hosts an operator lists in OUTBOUND_ALLOWED_HOSTS." },
    });
    expect(await databaseSnapshot()).toEqual(before);
    // The brief's own example: an operator allows a self-hosted Ollama.
    process.env.OUTBOUND_ALLOWED_HOSTS = "localhost:11434";
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "OLLAMA", model: "llama3.1", baseUrl: "http://localhost:11434" })).toMatchObject({ ok: true });
  });

  it("says why a host name was refused when it resolves to a private address, and nothing reaches it", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const before = provider.received.length;
    expect(await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "m", baseUrl: `https://localhost:${providerPort()}` })).toMatchObject({ ok: true });
    const result = await testAiConnectionAction(w.workspace.slug, {});
    expect(result).toMatchObject({ ok: true, data: { ok: false, httpStatus: null } });
    expect(result.ok && messageText(result.data.message)).toMatch(new RegExp(`^Refused: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address; ${HINT.replace(/\./g, "\\.")}$`));
    // Settings saved while the operator allowed the address are refused once the allowance is gone.
    await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "m", baseUrl: `${provider.url}/openai` });
    delete process.env.OUTBOUND_ALLOWED_HOSTS;
    expect(inWords(await testAiConnectionAction(w.workspace.slug, {}))).toMatchObject({
      ok: true,
      data: { ok: false, message: "Refused: Use an https:// URL; plain http is only for hosts an operator lists in OUTBOUND_ALLOWED_HOSTS." },
    });
    expect(provider.received.length).toBe(before);
  });

  it("calls the provider once the action's transaction committed, and reports a redirect without following it", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    // A provider that, while it is being called, looks at the database from another connection: the
    // attempt counted in the action's transaction is already visible, so that transaction has ended.
    const seen: (number | null)[] = [];
    const server: Server = createServer(async (req, res) => {
      const bucket = await db().rateLimitBucket.findUnique({ where: { key: `aiTestsPerWorkspace:${w.workspace.id}` } });
      seen.push(bucket?.count ?? null);
      if (req.url === "/moved/models") {
        res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data" }).end();
        return;
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data: [{ id: "one" }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      process.env.OUTBOUND_ALLOWED_HOSTS = `127.0.0.1:${port}`;
      await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "one", baseUrl: `http://127.0.0.1:${port}` });
      expect(await testAiConnectionAction(w.workspace.slug, {})).toMatchObject({ ok: true, data: { ok: true, models: 1 } });
      expect(seen).toEqual([1]);
      await saveAiSettingsAction(w.workspace.slug, { provider: "CUSTOM", model: "one", baseUrl: `http://127.0.0.1:${port}/moved` });
      expect(inWords(await testAiConnectionAction(w.workspace.slug, {}))).toMatchObject({
        ok: true,
        data: { ok: false, httpStatus: 307, message: "Custom (OpenAI-compatible) answered 307: Temporary Redirect (redirects are not followed)" },
      });
      expect(seen).toEqual([1, 2]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("are limited per workspace: past the limit the caller reads when to try again, and nothing is called", async () => {
    const [w, other] = [await makeWorld(people), await makeWorld(people)];
    actAs(people.admin.id);
    for (const world of [w, other]) {
      await saveAiSettingsAction(world.workspace.slug, { provider: "ANTHROPIC", model: "claude-sonnet-4-5", apiKey: KEY, baseUrl: provider.url });
    }
    // 19 attempts already counted in this window; the 20th is the last one allowed.
    await db().rateLimitBucket.create({ data: { key: `aiTestsPerWorkspace:${w.workspace.id}`, windowStart: new Date(), count: 19 } });
    expect(await testAiConnectionAction(w.workspace.slug, {})).toMatchObject({ ok: true, data: { ok: true } });
    const before = provider.received.length;
    expect(await testAiConnectionAction(w.workspace.slug, {})).toEqual({ ok: false, code: "LIMIT", error: "Too many attempts. Try again in 60 minutes." });
    expect(provider.received.length).toBe(before);
    expect(await testAiConnectionAction(other.workspace.slug, {})).toMatchObject({ ok: true, data: { ok: true } });
  });
});
