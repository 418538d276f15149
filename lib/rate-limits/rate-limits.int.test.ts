import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authorizeCredentials, SignInRateLimited } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { makeUser } from "@/tests/support/factories";
import { consumeRateLimit, enforceRateLimit, RATE_LIMITS, tooManyAttempts } from "./service";
import * as accountQueries from "@/lib/accounts/queries";

const run = promisify(execFile);
const subject = () => `test-${randomBytes(4).toString("hex")}`;

describe("rate limits counted in the database", () => {
  it("allow up to the limit in a window, then refuse with the time left", async () => {
    const who = subject();
    const { limit, windowSeconds } = RATE_LIMITS.signUpPerAddress;
    const outcomes = [];
    for (let i = 0; i < limit + 2; i++) outcomes.push(await consumeRateLimit("signUpPerAddress", who));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(limit);
    const refused = outcomes.at(-1)!;
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(windowSeconds - 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
    expect(tooManyAttempts(refused.retryAfterSeconds)).toBe("Too many attempts. Try again in 60 minutes.");
    expect((await consumeRateLimit("signUpPerAddress", subject())).allowed).toBe(true); // other keys are untouched
  });

  it("never lock anyone out beyond the window: once it has passed, attempts count afresh", async () => {
    const who = subject();
    const { limit, windowSeconds } = RATE_LIMITS.signInPerAccount;
    for (let i = 0; i <= limit; i++) await consumeRateLimit("signInPerAccount", who);
    expect((await consumeRateLimit("signInPerAccount", who)).allowed).toBe(false);
    // One second short of the window, still refused; at the window's end, counted afresh.
    await db().rateLimitBucket.update({ where: { key: `signInPerAccount:${who}` }, data: { windowStart: new Date(Date.now() - (windowSeconds - 1) * 1000) } });
    expect((await consumeRateLimit("signInPerAccount", who)).allowed).toBe(false);
    await db().rateLimitBucket.update({ where: { key: `signInPerAccount:${who}` }, data: { windowStart: new Date(Date.now() - windowSeconds * 1000) } });
    expect(await consumeRateLimit("signInPerAccount", who)).toMatchObject({ allowed: true });
    expect((await db().rateLimitBucket.findUniqueOrThrow({ where: { key: `signInPerAccount:${who}` } })).count).toBe(1);
  });

  it("hold across two app processes on one database: together they allow exactly the limit", async () => {
    const who = subject();
    const { limit } = RATE_LIMITS.aiTestsPerWorkspace;
    const instance = () =>
      run("npx", ["tsx", "--conditions=react-server", "tests/support/rate-limit-process.ts", "aiTestsPerWorkspace", who, String(limit)], {
        env: { ...process.env },
        cwd: process.cwd(),
      }).then(({ stdout }) => (JSON.parse(stdout.trim().split("\n").at(-1)!) as { allowed: number }).allowed);
    const [first, second] = await Promise.all([instance(), instance()]);
    expect(first + second).toBe(limit);
    expect((await db().rateLimitBucket.findUniqueOrThrow({ where: { key: `aiTestsPerWorkspace:${who}` } })).count).toBe(2 * limit);
  });
});

describe("sign-in attempts", () => {
  const request = (address: string) => new Request("http://app.test/api/auth/callback/credentials", { headers: { "x-forwarded-for": address } });

  it("are refused past the per-account limit before any password is checked, even the right one", async () => {
    const password = "correct horse battery";
    const user = await makeUser("Guessed");
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
    const verify = vi.spyOn(accountQueries, "checkCredentials");
    for (let i = 0; i < RATE_LIMITS.signInPerAccount.limit; i++) {
      expect(await authorizeCredentials({ email: user.email, password: `wrong-${i}-guess` }, request(`198.51.100.${i}`))).toBeNull();
    }
    const checked = verify.mock.calls.length;
    expect(checked).toBe(RATE_LIMITS.signInPerAccount.limit);
    const refusal = await authorizeCredentials({ email: user.email, password }, request("198.51.100.200")).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SignInRateLimited);
    expect((refusal as SignInRateLimited).retryAfterSeconds).toBeGreaterThan(0);
    expect(verify.mock.calls.length).toBe(checked); // no hash was spent on the refused attempt
    verify.mockRestore();
  });

  it("count only guesses: the rightful owner signing in again and again never nears the limit", async () => {
    const password = "my own password";
    const user = await makeUser("Frequent");
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
    for (let i = 0; i < RATE_LIMITS.signInPerAccount.limit + 3; i++) {
      expect(await authorizeCredentials({ email: user.email, password }, request("192.0.2.77"))).toMatchObject({ id: user.id });
    }
    expect((await db().rateLimitBucket.findUniqueOrThrow({ where: { key: `signInPerAccount:${user.email}` } })).count).toBe(0);
  });

  it("are refused past the per-address limit, whichever accounts the address tries", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    await db().rateLimitBucket.deleteMany({ where: { key: `signInPerAddress:${address}` } });
    for (let i = 0; i < RATE_LIMITS.signInPerAddress.limit; i++) {
      await consumeRateLimit("signInPerAddress", address);
    }
    const refusal = await authorizeCredentials({ email: `nobody-${subject()}@test.example`, password: "whatever-it-is" }, request(address)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SignInRateLimited);
  });
});

describe("a route over its limit", () => {
  it("answers 429 with Retry-After and the same words, as a problem document", async () => {
    const { publicRoute } = await import("@/lib/authz/route");
    const who = subject();
    const limited = publicRoute({ name: "test.limitedRoute" }, async () => {
      await enforceRateLimit("alertTestsPerWorkspace", who);
      return Response.json({ ok: true });
    });
    for (let i = 0; i < RATE_LIMITS.alertTestsPerWorkspace.limit; i++) expect((await limited(new Request("http://app.test/x"))).status).toBe(200);
    const refused = await limited(new Request("http://app.test/x"));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect(await refused.json()).toMatchObject({ status: 429, code: "LIMIT", detail: "Too many attempts. Try again in 60 minutes." });
  });
});
