// Counting is decided when the client is made: before anything in this file touches the database.
process.env.BENCH_COUNT_QUERIES = "1";

import { beforeAll, describe, expect, it } from "vitest";
import { isAuthorization } from "@/bench/authorization-statements";
import { db } from "@/lib/db";
import { statementsOf } from "@/tests/support/statements";
import { RATE_LIMITS } from "@/lib/rate-limits/service";
import { apiClient, makeApiKey } from "@/tests/support/api-client";
import { makePeople, makeWorld, type People } from "@/tests/support/world";

// Issue #16: an API list request (first page, with a key) costs at most 3 round trips, exactly one of
// them authorization: the key, its creator's membership, the request counted against the key's rate
// limit and the last-used stamp come in one statement. Counted the way the benchmark counts them
// (Prisma's query events), and told apart with the benchmark's own recogniser.

const LISTS = ["/members", "/instances", "/audit-events", "/projects", "/servers"] as const;
const MINUTE = 60_000;

const bucket = (keyId: string) => db().rateLimitBucket.findUnique({ where: { key: `apiRequestsPerKey:${keyId}` } });
const lastUsedAt = async (keyId: string) => (await db().apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt;

let people: People;
beforeAll(async () => {
  people = await makePeople();
});

describe("an API list request", () => {
  it.each(LISTS)("GET %s: two statements, one of them authorization, whether or not the key's use is stamped", async (path) => {
    const w = await makeWorld(people);
    await db().auditEvent.create({ data: { workspaceId: w.workspace.id, actorId: people.owner.id, action: "project.created" } });
    // A fresh key is stamped on this request, a recent one not: the same statements either way.
    for (const fresh of [true, false]) {
      const key = await makeApiKey(w.workspace.id, people.owner.id, "READ", { fresh });
      const { statements, result } = await statementsOf(() => apiClient(key.secret).GET(path));
      expect(result.response.status).toBe(200);
      expect((result.data as { data: unknown[] }).data.length).toBeGreaterThan(0);
      expect(statements).toHaveLength(2);
      expect(statements.filter(isAuthorization)).toHaveLength(1);
      expect((await bucket(key.id))!.count).toBe(1);
      expect(await lastUsedAt(key.id)).not.toBeNull();
    }
  });

  it("the next page costs the same", async () => {
    const w = await makeWorld(people);
    const api = apiClient((await makeApiKey(w.workspace.id, people.owner.id, "READ")).secret);
    const first = await api.GET("/members", { params: { query: { limit: 2 } } });
    const { statements, result } = await statementsOf(() => api.GET("/members", { params: { query: { limit: 2, cursor: first.data!.nextCursor! } } }));
    expect(result.data!.data).toHaveLength(2);
    expect(result.data!.data.map((m) => m.id)).not.toContain(first.data!.data[0]!.id);
    expect(statements).toHaveLength(2);
  });
});

describe("the one authorization statement", () => {
  it("counts every request of a key, and stamps its use at most once a minute", async () => {
    const w = await makeWorld(people);
    const key = await makeApiKey(w.workspace.id, people.owner.id, "READ", { fresh: true });
    const api = apiClient(key.secret);
    for (let i = 0; i < 3; i++) expect((await api.GET("/servers")).response.status).toBe(200);
    expect((await bucket(key.id))!.count).toBe(3);
    const stamped = (await lastUsedAt(key.id))!;
    expect(Date.now() - stamped.getTime()).toBeLessThan(MINUTE);

    // Within the minute the stamp stays; once it is older, the next request renews it.
    const recent = new Date(Date.now() - 30_000);
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: recent } });
    await api.GET("/servers");
    expect(await lastUsedAt(key.id)).toEqual(recent);
    const stale = new Date(Date.now() - 2 * MINUTE);
    await db().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: stale } });
    await api.GET("/servers");
    expect((await lastUsedAt(key.id))!.getTime()).toBeGreaterThan(Date.now() - MINUTE);
    expect((await bucket(key.id))!.count).toBe(5);
  });

  it("a key that signs nobody in (revoked, expired, creator gone) is refused in one statement that writes nothing", async () => {
    const w = await makeWorld(people);
    const revoked = await makeApiKey(w.workspace.id, people.owner.id, "READ", { fresh: true, revokedAt: new Date() });
    const expired = await makeApiKey(w.workspace.id, people.owner.id, "READ", { fresh: true, expiresAt: new Date(Date.now() - 1000) });
    const orphaned = await makeApiKey(w.workspace.id, people.target.id, "READ", { fresh: true });
    await db().membership.delete({ where: { id: w.m.target.id } });
    for (const [key, detail] of [
      [revoked, "That API key was revoked."],
      [expired, "That API key has expired."],
      [orphaned, expect.stringContaining("no longer a member")],
    ] as const) {
      const { statements, result } = await statementsOf(() => apiClient(key.secret).GET("/members"));
      expect(result.response.status).toBe(401);
      expect(result.error).toMatchObject({ detail });
      expect(statements).toHaveLength(1);
      expect(statements.filter(isAuthorization)).toHaveLength(1);
      expect(await bucket(key.id)).toBeNull();
      expect(await lastUsedAt(key.id)).toBeNull();
    }
  });

  it("counts a request that is then refused (2FA rule, a demoted creator), and answers with the headers", async () => {
    const w = await makeWorld(people);
    const key = await makeApiKey(w.workspace.id, people.admin.id, "READ");
    const api = apiClient(key.secret);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { requireTwoFactor: true } });
    const twoFactor = await api.GET("/members");
    expect(twoFactor.response.status).toBe(403);
    expect(twoFactor.response.headers.get("ratelimit")).toMatch(new RegExp(`^"per-key";r=${RATE_LIMITS.apiRequestsPerKey.limit - 1};t=\\d+$`));
    await db().workspace.update({ where: { id: w.workspace.id }, data: { requireTwoFactor: false } });
    await db().membership.update({ where: { id: w.m.admin.id }, data: { role: "VIEWER" } });
    expect((await api.GET("/members")).error).toMatchObject({ status: 403, permission: "api.use" });
    expect((await bucket(key.id))!.count).toBe(2);
  });

  it("holds the limit exactly under concurrent requests of one key", async () => {
    const w = await makeWorld(people);
    const key = await makeApiKey(w.workspace.id, people.owner.id, "READ");
    const api = apiClient(key.secret);
    await api.GET("/servers");
    const limit = RATE_LIMITS.apiRequestsPerKey.limit;
    await db().rateLimitBucket.update({ where: { key: `apiRequestsPerKey:${key.id}` }, data: { count: limit - 5 } });
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.GET("/servers")));
    const statuses = answers.map((a) => a.response.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect((await bucket(key.id))!.count).toBe(limit + 15);
  });
});
