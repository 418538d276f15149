import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { hashApiKeySecret } from "@/lib/api-keys/token";
import { exportAuditRoute } from "@/lib/audit/routes";
import { encodeCursor } from "@/lib/api/pagination";
import { API_OPERATIONS } from "@/lib/api/v1/operations";
import { RATE_LIMITS } from "@/lib/rate-limits/service";
import { db } from "@/lib/db";
import { apiClient, apiRequest, makeApiKey } from "@/tests/support/api-client";
import { NASTY_STRINGS } from "@/tests/support/nasty-input";
import { messageText } from "@/lib/i18n/translator";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { makePeople, makeWorld, type People } from "@/tests/support/world";

let people: People;
beforeAll(async () => {
  people = await makePeople();
});

describe("API keys in the dashboard", () => {
  it("shows the secret once and stores only its hash and prefix; the key then works", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const created = await createApiKeyAction(w.workspace.slug, { name: "CI deploy", access: "WRITE", expiresIn: "30" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { secret, prefix } = created.data;
    expect(secret).toMatch(/^wsk_[A-Za-z0-9_-]{40}$/);
    expect(secret.startsWith(prefix)).toBe(true);
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.secretHash).toBe(hashApiKeySecret(secret));
    expect(stored.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const { data } = await apiClient(secret).GET("/workspace");
    expect(data).toMatchObject({ slug: w.workspace.slug, apiKey: { name: "CI deploy", prefix, access: "WRITE", role: "ADMIN" } });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: w.workspace.id, action: "api_key.created" } });
    expect(audit).toMatchObject({ actorId: people.admin.id, targetId: created.data.id });
    expect(JSON.stringify(audit.metadata)).not.toContain(secret.slice(prefix.length));
  });

  it("lets a Developer create read-only keys only, and a Viewer none", async () => {
    const w = await makeWorld(people);
    actAs(people.developer.id);
    expect(await createApiKeyAction(w.workspace.slug, { name: "mine", access: "READ", expiresIn: "never" })).toMatchObject({ ok: true });
    const before = await databaseSnapshot();
    const write = await createApiKeyAction(w.workspace.slug, { name: "mine", access: "WRITE", expiresIn: "never" });
    expect(write).toMatchObject({ ok: false, code: "INVALID" });
    expect(!write.ok && messageText(write.fieldErrors!.access!)).toContain("read-only");
    actAs(people.viewer.id);
    expect(await createApiKeyAction(w.workspace.slug, { name: "mine", access: "READ", expiresIn: "never" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("counts working keys against the plan's API key quota; a revoked key frees its place", async () => {
    const w = await makeWorld(people);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { plan: "FREE" } });
    actAs(people.owner.id);
    const first = await createApiKeyAction(w.workspace.slug, { name: "one", access: "READ", expiresIn: "7" });
    await createApiKeyAction(w.workspace.slug, { name: "two", access: "READ", expiresIn: "7" });
    expect(await createApiKeyAction(w.workspace.slug, { name: "three", access: "READ", expiresIn: "7" })).toMatchObject({ ok: false, code: "LIMIT" });
    expect(first.ok && (await revokeApiKeyAction(w.workspace.slug, { apiKeyId: first.data.id }))).toMatchObject({ ok: true });
    expect(await createApiKeyAction(w.workspace.slug, { name: "three", access: "READ", expiresIn: "7" })).toMatchObject({ ok: true });
  });

  it("revoking answers 401 from the next request on, and is audited", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    const created = await createApiKeyAction(w.workspace.slug, { name: "temp", access: "READ", expiresIn: "7" });
    if (!created.ok) throw new Error(created.error);
    expect((await apiClient(created.data.secret).GET("/workspace")).response.status).toBe(200);
    expect(await revokeApiKeyAction(w.workspace.slug, { apiKeyId: created.data.id })).toMatchObject({ ok: true });
    const { response, error } = await apiClient(created.data.secret).GET("/workspace");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", detail: "That API key was revoked." });
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "api_key.revoked", targetId: created.data.id } })).toBe(1);
  });
});

describe("who may revoke a key", () => {
  it("a Developer revokes their own key but not someone else's", async () => {
    const w = await makeWorld(people);
    const mine = await makeApiKey(w.workspace.id, people.developer.id, "READ");
    const ownerKey = await makeApiKey(w.workspace.id, people.owner.id, "READ");
    actAs(people.developer.id);
    expect(await revokeApiKeyAction(w.workspace.slug, { apiKeyId: ownerKey.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await revokeApiKeyAction(w.workspace.slug, { apiKeyId: mine.id })).toMatchObject({ ok: true });
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: ownerKey.id } })).revokedAt).toBeNull();
  });
});

describe("a key follows its creator", () => {
  it("is refused while its creator lacks the second factor the workspace requires", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.admin.id, "READ")).secret);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { requireTwoFactor: true } });
    const refused = await api.GET("/members");
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ detail: expect.stringContaining("two-factor") });
  });

  it("shrinks when the creator is demoted and stops when they leave", async () => {
    const w = await makeWorld(people);
    const { secret } = await makeApiKey(w.workspace.id, people.admin.id, "WRITE");
    const api = apiClient(secret);
    const demote = () => api.PATCH("/members/{membershipId}", { params: { path: { membershipId: w.m.target.id } }, body: { role: "VIEWER" } });
    expect((await api.GET("/audit-events")).response.status).toBe(200);
    await db().membership.update({ where: { id: w.m.admin.id }, data: { role: "DEVELOPER" } });
    const refused = await demote();
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ permission: "members.manage" });
    expect((await api.GET("/audit-events")).error).toMatchObject({ permission: "audit.read" });
    await db().membership.update({ where: { id: w.m.admin.id }, data: { role: "VIEWER" } });
    expect((await api.GET("/workspace")).error).toMatchObject({ status: 403, permission: "api.use" });
    await db().membership.delete({ where: { id: w.m.admin.id } });
    const gone = await api.GET("/workspace");
    expect(gone.response.status).toBe(401);
    expect(gone.error).toMatchObject({ detail: expect.stringContaining("no longer a member") });
  });

  it("a member removed through the API takes their keys with them", async () => {
    const w = await makeWorld(people);
    const theirs = await makeApiKey(w.workspace.id, people.target.id, "READ");
    const admin = apiClient((await makeApiKey(w.workspace.id, people.admin.id, "WRITE")).secret);
    expect((await apiClient(theirs.secret).GET("/members")).response.status).toBe(200);
    expect((await admin.DELETE("/members/{membershipId}", { params: { path: { membershipId: w.m.target.id } } })).response.status).toBe(204);
    expect((await apiClient(theirs.secret).GET("/members")).error).toMatchObject({ status: 401, detail: "That API key was revoked." });
  });

  it("a read-only key of the owner reads everything and writes nothing", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.owner.id, "READ")).secret);
    expect((await api.GET("/billing")).data).toMatchObject({ plan: "PRO", balance: { amountMinor: 100_000, currency: "USD" } });
    const before = await databaseSnapshot();
    const stop = await api.POST("/instances/{instanceId}/stop", { params: { path: { instanceId: w.instance.id } } });
    expect(stop.response.status).toBe(403);
    expect(stop.error).toMatchObject({ permission: "instances.stop" });
    const { RateLimitBucket: _a, ...after } = await databaseSnapshot();
    const { RateLimitBucket: _b, ...earlier } = before;
    expect(after).toEqual(earlier);
  });

  it("a Developer's write key acts inside their allow-lists only", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.developerWithGrant.id, "WRITE")).secret);
    const listed = await api.GET("/instances");
    expect(listed.data!.data.map((i) => i.name).sort()).toEqual(["instance", "stopped"]);
    const restarted = await api.POST("/instances/{instanceId}/restart", { params: { path: { instanceId: w.instance.id } }, body: { mode: "hard" } });
    expect(restarted.data).toMatchObject({ id: w.instance.id, status: "RUNNING" });
    expect((await api.GET("/instances/{instanceId}", { params: { path: { instanceId: w.otherInstance.id } } })).response.status).toBe(404);
  });
});

describe("writes made with a key", () => {
  it("are audited with the key and its creator as the actor", async () => {
    const w = await makeWorld(people);
    const key = await makeApiKey(w.workspace.id, people.owner.id, "WRITE", { name: "deploy bot" });
    const api = apiClient(key.secret);
    await api.POST("/instances/{instanceId}/stop", { params: { path: { instanceId: w.instance.id } } });
    const event = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: w.workspace.id, action: "instance.stopped" } });
    expect(event).toMatchObject({ actorId: people.owner.id, apiKeyId: key.id, targetId: w.instance.id });
    actAs(people.owner.id);
    const csv = await exportAuditRoute(new Request(`http://app.test/${w.workspace.slug}/settings/audit/export`), {
      params: Promise.resolve({ workspaceSlug: w.workspace.slug }),
    });
    expect(await csv.text()).toContain("deploy bot (wsk_");
    const { data } = await api.GET("/audit-events", { params: { query: { action: "instance.stopped" } } });
    expect(data!.data).toEqual([
      expect.objectContaining({ action: "instance.stopped", actor: expect.objectContaining({ id: people.owner.id }), apiKey: expect.objectContaining({ id: key.id, name: "deploy bot" }) }),
    ]);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.owner.id, "WRITE")).secret);
    const before = await databaseSnapshot();
    const bad = await api.PATCH("/members/{membershipId}", {
      params: { path: { membershipId: w.m.target.id } },
      // @ts-expect-error OWNER is not a role one can give: the typed client refuses it, and so does the server.
      body: { role: "OWNER" },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ code: "INVALID", errors: { role: expect.any(String) } });
    const notJson = await apiRequest("/invitations", { method: "POST", body: "{not json", headers: { "content-type": "application/json" }, secret: (await makeApiKey(w.workspace.id, people.owner.id, "WRITE")).secret });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ detail: "The request body is not valid JSON." });
    const { RateLimitBucket: _a, ApiKey: _k, ...after } = await databaseSnapshot();
    const { RateLimitBucket: _b, ApiKey: _l, ...earlier } = before;
    expect(after).toEqual(earlier);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response to a retry, and acts once", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.owner.id, "WRITE")).secret);
    const send = () => api.POST("/invitations", { body: { emails: ["once@test.example"], role: "DEVELOPER" }, headers: { "idempotency-key": "invite-once-1" } });
    const [first, second] = [await send(), await send()];
    expect(first.response.status).toBe(201);
    expect(second.response.status).toBe(201);
    expect(second.response.headers.get("idempotent-replayed")).toBe("true");
    expect(second.data).toEqual(first.data);
    expect(await db().invitation.count({ where: { workspaceId: w.workspace.id, email: "once@test.example" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "invitation.created" } })).toBe(1);
  });

  it("acts once when the same key arrives twice at the same time", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.owner.id, "WRITE")).secret);
    const restart = () =>
      api.POST("/instances/{instanceId}/restart", { params: { path: { instanceId: w.instance.id } }, body: { mode: "soft" }, headers: { "idempotency-key": "restart-42" } });
    const answers = await Promise.all([restart(), restart(), restart()]);
    expect(answers.map((a) => a.response.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.response.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "instance.restarted" } })).toBe(1);
  });

  it("refuses the same key with a different request (422), and a refusal does not use the key up", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.owner.id, "WRITE")).secret);
    const headers = { "idempotency-key": "k-1" };
    await api.POST("/invitations", { body: { emails: ["a@test.example"], role: "VIEWER" }, headers });
    const other = await api.POST("/invitations", { body: { emails: ["b@test.example"], role: "VIEWER" }, headers });
    expect(other.response.status).toBe(422);
    expect(other.error).toMatchObject({ code: "UNPROCESSABLE" });
    // Starting an instance that runs is refused (409): the retry after starting it is a new attempt.
    const start = () => api.POST("/instances/{instanceId}/start", { params: { path: { instanceId: w.instance.id } }, headers: { "idempotency-key": "start-1" } });
    expect((await start()).response.status).toBe(409);
    await db().instance.update({ where: { id: w.instance.id }, data: { status: "STOPPED" } });
    expect((await start()).data).toMatchObject({ status: "RUNNING" });
  });
});

describe("rate limits per key", () => {
  it("says what is left on every answer, and answers 429 with Retry-After past the limit", async () => {
    const w = await makeWorld(people);
    const key = await makeApiKey(w.workspace.id, people.owner.id, "READ");
    const api = apiClient(key.secret);
    const ok = await api.GET("/workspace");
    const limit = RATE_LIMITS.apiRequestsPerKey.limit;
    expect(ok.response.headers.get("ratelimit-policy")).toBe(`"per-key";q=${limit};w=60`);
    expect(ok.response.headers.get("ratelimit")).toMatch(new RegExp(`^"per-key";r=${limit - 1};t=\\d+$`));
    await db().rateLimitBucket.update({ where: { key: `apiRequestsPerKey:${key.id}` }, data: { count: limit } });
    const refused = await api.GET("/workspace");
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.response.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    expect(refused.error).toMatchObject({ code: "LIMIT" });
    // Another key of the same creator has its own budget.
    expect((await apiClient((await makeApiKey(w.workspace.id, people.owner.id, "READ")).secret).GET("/workspace")).response.status).toBe(200);
  });
});

describe("pagination", () => {
  it("walks every member once with a cursor, and refuses a cursor it did not make", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.owner.id, "READ")).secret);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await api.GET("/members", { params: { query: { limit: 2, ...(cursor ? { cursor } : {}) } } });
      seen.push(...data!.data.map((m) => m.id));
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(Object.values(w.m).map((m) => m.id).sort());
    const bad = await api.GET("/members", { params: { query: { cursor: "not-a-cursor" } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ errors: { cursor: expect.any(String) } });
    expect((await api.GET("/audit-events", { params: { query: { cursor: "2026-01-01T00:00:00.000Z_x" } } })).response.status).toBe(200);
    expect((await api.GET("/audit-events", { params: { query: { cursor: "junk" } } })).response.status).toBe(400);
  });
});

/** `count` more plan charges with their invoices, numbered on from the workspace's last as the billing service does. */
async function issueInvoices(workspaceId: string, count: number) {
  const last = (await db().invoice.aggregate({ where: { workspaceId }, _max: { number: true } }))._max.number ?? 0;
  for (let number = last + 1; number <= last + count; number++) {
    const charge = await db().billingTransaction.create({
      data: { workspaceId, type: "CHARGE", amountMinor: -2_900 * number, balanceAfterMinor: 0, currency: "USD", description: `Pro plan, month ${number}`, provider: "balance", idempotencyKey: `invoice-${workspaceId}-${number}` },
    });
    await db().invoice.create({
      data: {
        workspaceId,
        number,
        transactionId: charge.id,
        amountMinor: 2_900 * number,
        currency: "USD",
        description: `Pro plan, month ${number}`,
        plan: "PRO",
        periodStart: new Date(Date.UTC(2026, number - 1, 1)),
        periodEnd: new Date(Date.UTC(2026, number, 1)),
        billingName: "Acme GmbH",
        billingAddress: "Hauptstraße 1, Berlin",
        billingVatId: "DE123456789",
        issuedAt: new Date(Date.UTC(2026, number - 1, 1)),
      },
    });
  }
}

describe("invoices", () => {
  it("lists the workspace's invoices newest first, page by page, never another workspace's, and refuses a cursor it did not make", async () => {
    const w = await makeWorld(people);
    const other = await makeWorld(people);
    await issueInvoices(w.workspace.id, 3);
    await issueInvoices(other.workspace.id, 5);
    const api = apiClient((await makeApiKey(w.workspace.id, people.owner.id, "READ")).secret);
    const ours = await db().invoice.findMany({ where: { workspaceId: w.workspace.id }, orderBy: { number: "desc" } });
    expect(ours.length).toBeGreaterThanOrEqual(3);
    const seen: { id: string; label: string; number: number }[] = [];
    const pages: (typeof seen)[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await api.GET("/billing/invoices", { params: { query: { limit: 2, ...(cursor ? { cursor } : {}) } } });
      pages.push(data!.data);
      seen.push(...data!.data);
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toHaveLength(Math.ceil(ours.length / 2));
    expect(seen.map((invoice) => invoice.label)).toEqual(ours.map((invoice) => `INV-${String(invoice.number).padStart(4, "0")}`));
    expect(seen[0]).toMatchObject({
      id: ours[0]!.id,
      number: ours[0]!.number,
      amountMinor: ours[0]!.amountMinor,
      currency: "USD",
      plan: "PRO",
      periodStart: ours[0]!.periodStart.toISOString(),
      billingName: "Acme GmbH",
      billingVatId: "DE123456789",
      transactionId: ours[0]!.transactionId,
    });
    const theirs = await db().invoice.findMany({ where: { workspaceId: other.workspace.id }, select: { id: true } });
    const theirIds = new Set(theirs.map((invoice) => invoice.id));
    expect(seen.filter((invoice) => theirIds.has(invoice.id))).toEqual([]);
    for (const cursor of ["junk", encodeCursor(["INV-0002"]), encodeCursor(["-1"])]) {
      const bad = await api.GET("/billing/invoices", { params: { query: { cursor } } });
      expect(bad.response.status).toBe(400);
      expect(bad.error).toMatchObject({ errors: { cursor: expect.any(String) } });
    }
  });
});

describe("what the API answers that is not an operation", () => {
  it("an unknown path is a 404 problem, a wrong method 405 with Allow", async () => {
    const w = await makeWorld(people);
    const { secret } = await makeApiKey(w.workspace.id, people.owner.id, "READ");
    const missing = await apiRequest("/nothing-here", { secret });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const wrong = await apiRequest("/workspace", { method: "DELETE", secret });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("a session cookie is no credential here: without a key every operation answers 401", async () => {
    actAs(people.owner.id);
    for (const { spec } of API_OPERATIONS) {
      const path = spec.path.replace(/\{\w+\}/g, "x");
      const answer = await apiRequest(path, { method: spec.method, ...(spec.method === "GET" ? {} : { body: "{}" }) });
      expect(answer.status, `${spec.method} ${spec.path}`).toBe(401);
    }
  });
});

describe("bad input to every API operation", () => {
  const nasty = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 40 }));
  const json = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.constantFrom("role", "emails", "mode", "name"), fc.oneof(nasty, fc.array(nasty, { maxLength: 3 }), fc.integer())));

  it.each(API_OPERATIONS.map((o) => [o.spec.name, o] as const))("%s: arbitrary path, query and body are refused or done, never 500", async (_name, operation) => {
    const w = await makeWorld(people);
    const { secret } = await makeApiKey(w.workspace.id, people.owner.id, "WRITE");
    await db().rateLimitBucket.deleteMany({});
    await fc.assert(
      fc.asyncProperty(nasty, fc.dictionary(fc.constantFrom("cursor", "limit", "action", "actorId", "from", "to", "projectId", "type"), nasty), json, async (segment, query, body) => {
        const path = operation.spec.path.replace(/\{\w+\}/g, encodeURIComponent(segment) || "x");
        const search = new URLSearchParams(query).toString();
        const answer = await apiRequest(`${path}${search ? `?${search}` : ""}`, {
          method: operation.spec.method,
          secret,
          ...(operation.spec.method === "GET" ? {} : { body: JSON.stringify(body) }),
        });
        expect(answer.status, `${operation.spec.method} ${path}?${search} ${JSON.stringify(body)}`).toBeLessThan(500);
      }),
      { numRuns: 25 },
    );
  });
});
