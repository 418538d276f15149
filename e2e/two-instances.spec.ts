// Two app instances on one PostgreSQL, behind a round-robin proxy, as production runs them (compose.yaml):
// the standalone server twice, on a PostgreSQL server of this file's own, so it can be stopped and started
// under the running app. Sessions, rate limits, invitation races and the mail queue must behave as on one
// instance, and a database restart must cost clean errors for its duration, not a restart of the app.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { nextStart } from "../scripts/lib/next-start";
import { startMailCapture, type CapturedEmail } from "../tests/support/mail-capture";
import { startRoundRobinProxy, UPSTREAM_OVERRIDE_HEADER, type RoundRobinProxy } from "../tests/support/round-robin-proxy";
import { freePort, startThrowawayPostgres, type ThrowawayPostgres } from "../tests/support/throwaway-postgres";
import { DEMO, expectAccessible, signIn, uniqueEmail } from "./support";

test.describe.configure({ mode: "serial" });

const DATABASE = "ws_two_instances";
const OUR_ERROR = "Something went wrong on our side. Try again in a moment.";

let postgres: ThrowawayPostgres | undefined;
let proxy: RoundRobinProxy | undefined;
let mail: Awaited<ReturnType<typeof startMailCapture>> | undefined;
const servers: { name: string; url: string; process: ChildProcess }[] = [];
let apiKey = "";

function url(): string {
  return proxy!.url;
}

async function waitUntilUp(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server at ${base} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/sign-in`, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server at ${base} did not start within 60 s`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  postgres = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const databaseUrl = postgres.databaseUrl(DATABASE);
  // One configuration for both instances, as two replicas of one deployment share it (the seed encrypts
  // the demo's secrets under the same key).
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), SECRETS_ENCRYPTION_KEYS: `1:${randomBytes(32).toString("base64")}` };
  // Migrations, demo data and an API key, in a process with the react-server condition the app's code needs.
  const prepared = execFileSync("npx", ["tsx", "--conditions=react-server", "tests/support/prepare-database.ts"], {
    env: { ...process.env, ...secrets, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 90_000,
  });
  apiKey = (JSON.parse(prepared.trim().split("\n").at(-1)!) as { apiKey: string }).apiKey;

  mail = await startMailCapture(0);
  const [portA, portB, proxyPort] = [await freePort(), await freePort(), await freePort()];
  const upstreams = [
    { name: "a", url: `http://127.0.0.1:${portA}` },
    { name: "b", url: `http://127.0.0.1:${portB}` },
  ];
  proxy = await startRoundRobinProxy(upstreams, proxyPort);

  const shared = {
    ...secrets,
    DATABASE_URL: databaseUrl,
    AUTH_TRUST_HOST: "true",
    ALLOW_DEMO_PAYMENTS: "true",
    APP_URL: proxy.url,
    TRUSTED_PROXY_COUNT: "1",
    RESEND_API_KEY: "re_two_instances",
    RESEND_BASE_URL: mail.url,
    // The real per-address limits (the suite's server multiplies them for its many parallel browsers).
    RATE_LIMIT_CLIENT_FACTOR: "1",
  };
  const logs = path.join(process.cwd(), "test-results", "two-instances");
  mkdirSync(logs, { recursive: true });
  for (const [upstream, port] of [
    [upstreams[0]!, portA],
    [upstreams[1]!, portB],
  ] as const) {
    const start = nextStart(port, "127.0.0.1");
    const child = spawn(process.execPath, start.args, {
      env: { ...process.env, ...start.env, ...shared },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The servers' output, for reading after a failure.
    const log = createWriteStream(path.join(logs, `server-${upstream.name}.log`));
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    servers.push({ name: upstream.name, url: upstream.url, process: child });
  }
  await Promise.all(servers.map((s) => waitUntilUp(s.url, s.process)));
});

test.afterAll(async () => {
  await Promise.all(
    servers.map(
      ({ process: child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => (clearTimeout(force), resolve()));
          child.kill("SIGTERM");
        }),
    ),
  );
  await proxy?.close();
  if (mail) await new Promise<void>((resolve) => (mail!.server.closeAllConnections(), mail!.server.close(() => resolve())));
  postgres?.destroy();
});

async function newBrowser(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: url() });
  return { context, page: await context.newPage() };
}

/**
 * Opens sign-in and waits until React has hydrated its form: clicked earlier, the browser would submit
 * the bare HTML form itself (a GET to /sign-in) and the test would race hydration.
 */
async function openSignIn(page: Page) {
  await page.goto("/sign-in");
  await hydrated(page, "form");
}

/** Waits until React has attached its handlers to the first element matching `selector`. */
async function hydrated(page: Page, selector: string) {
  await page.waitForFunction((css) => {
    const element = document.querySelector(css);
    return !!element && Object.keys(element).some((key) => key.startsWith("__reactProps"));
  }, selector);
}

/** Sends every request of this browser to one upstream, or (null) back to taking turns. */
async function pin(context: BrowserContext, upstream: "a" | "b" | null) {
  await context.setExtraHTTPHeaders(upstream ? { [UPSTREAM_OVERRIDE_HEADER]: upstream } : {});
}

function mailsTo(to: string): CapturedEmail[] {
  return mail!.emails.filter((m) => m.to.includes(to));
}

/** Exactly one mail to the address, and still one after both workers have had several turns (2 s each). */
async function expectExactlyOneMail(to: string) {
  await expect.poll(() => mailsTo(to).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 5_000));
  expect(mailsTo(to)).toHaveLength(1);
}

/** The pages' and API's requests since `from`, by upstream, leaving out the static files. */
function appRequestsSince(from: number) {
  return proxy!.served.slice(from).filter((r) => !r.path.startsWith("/_next/static/"));
}

test("a browser story across both instances: signed in on one, acting on the other, mail sent once", async ({ browser }) => {
  const { context, page } = await newBrowser(browser);
  // Sign in on a.
  await pin(context, "a");
  await openSignIn(page);
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).not.toHaveURL(/sign-in/);
  const signedInAt = proxy!.served.length;

  // The same session, on b alone.
  await pin(context, "b");
  const onB = await page.goto("/acme/settings/members");
  expect(onB!.headers()["x-served-by"]).toBe("b");
  await expect(page.getByRole("heading", { name: /^Members/, level: 2 })).toBeVisible();
  await hydrated(page, "main button");

  // Then taking turns, as a load balancer hands them out: invite someone, see the pending row, make a workspace.
  await pin(context, null);
  const invitee = uniqueEmail("two-instances");
  await page.getByRole("button", { name: "Invite members" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite members" });
  await dialog.getByLabel("Email addresses").fill(invitee);
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  await expect(dialog.getByRole("list", { name: "Invitation results" }).getByRole("listitem").filter({ hasText: invitee })).toContainText("Invited as");
  await page.keyboard.press("Escape");
  await page.getByRole("navigation", { name: "Members" }).getByRole("link", { name: "Pending invitations" }).click();
  await expect(page).toHaveURL("/acme/settings/members/invitations");
  await expect(page.getByRole("row").filter({ hasText: invitee })).toContainText("Dana Demo");
  await expectAccessible(page);

  const slug = `two-${Date.now().toString(36)}`;
  await page.goto("/workspace/new");
  await hydrated(page, "main form");
  await page.getByLabel("Name").fill("Two Instances");
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`/${slug}`);
  for (let i = 0; i < 4; i++) {
    await page.goto("/workspace/select");
    await expect(page.getByRole("link", { name: /Two Instances/ }).first()).toBeVisible();
  }

  // Both instances served this session's pages and actions, and none of them sent it to sign in.
  const requests = appRequestsSince(signedInAt);
  expect(new Set(requests.map((r) => r.upstream))).toEqual(new Set(["a", "b"]));
  expect(requests.filter((r) => r.method === "POST").length).toBeGreaterThan(0);
  expect(requests.filter((r) => r.path.startsWith("/sign-in"))).toEqual([]);
  for (const upstream of ["a", "b"]) {
    const response = await context.request.get("/acme/settings/members", { headers: { [UPSTREAM_OVERRIDE_HEADER]: upstream }, maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["x-served-by"]).toBe(upstream);
  }

  // Two workers share the outbox: the invitation is mailed once.
  await expectExactlyOneMail(invitee);
  expect(mailsTo(invitee)[0]!.text).toMatch(new RegExp(`${url().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/invite/`));
  await context.close();
});

test("signing out on one instance signs the browser out on the other", async ({ browser }) => {
  const { context, page } = await newBrowser(browser);
  await openSignIn(page);
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto("/account");
  const signOut = page.getByRole("button", { name: "Sign out", exact: true });
  await expect(signOut).toBeVisible();
  await hydrated(page, "main button");
  // A copy of the cookie, as someone who took it before the sign-out would hold it.
  const copy = await browser.newContext({ baseURL: url(), storageState: await context.storageState() });

  await pin(context, "a");
  const before = proxy!.served.length;
  await signOut.click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(proxy!.served.slice(before).filter((r) => r.method === "POST").map((r) => r.upstream)).toEqual(["a"]);

  // On b: the browser, and the copied cookie, are signed out.
  await pin(context, "b");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  const copied = await copy.request.get("/account", { headers: { [UPSTREAM_OVERRIDE_HEADER]: "b" }, maxRedirects: 0 });
  expect(copied.headers()["x-served-by"]).toBe("b");
  expect(copied.status()).toBeGreaterThanOrEqual(300);
  expect(copied.status()).toBeLessThan(400);
  expect(copied.headers().location).toContain("/sign-in");
  await Promise.all([context.close(), copy.close()]);
});

test("wrong passwords sent to both instances in turn are counted together", async ({ browser }) => {
  const { context, page } = await newBrowser(browser);
  const account = "bob@example.com";
  await openSignIn(page);
  const attempt = async (upstream: "a" | "b", password: string) => {
    await pin(context, upstream);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in");
    await signIn(page, account, password);
    const response = await answered;
    expect(response.headers()["x-served-by"]).toBe(upstream);
  };
  for (let n = 1; n <= 10; n++) {
    await attempt(n % 2 ? "a" : "b", `wrong-password-${n}`);
    await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  }
  // The eleventh, on either instance, is refused, even with the right password.
  await attempt("b", "wrong-password-11");
  await expect(page.getByText("Too many attempts. Try again in 15 minutes.")).toBeVisible();
  await openSignIn(page);
  await attempt("a", DEMO.password);
  await expect(page.getByText("Too many attempts. Try again in 15 minutes.")).toBeVisible();
  await expect(page).toHaveURL(/sign-in/);
  await context.close();
});

test("the same address invited at the same moment through both instances: one invitation, one email", async () => {
  const email = uniqueEmail("race");
  const invite = (upstream: "a" | "b") =>
    fetch(`${url()}/api/v1/invitations`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", [UPSTREAM_OVERRIDE_HEADER]: upstream },
      body: JSON.stringify({ emails: [email], role: "DEVELOPER" }),
    });
  const answers = await Promise.all([invite("a"), invite("b")]);
  expect(answers.map((r) => r.headers.get("x-served-by")).sort()).toEqual(["a", "b"]);
  const outcomes: string[] = [];
  for (const answer of answers) {
    expect(answer.status, await answer.clone().text()).toBeLessThan(300);
    const { results } = (await answer.json()) as { results: { email: string; outcome: string }[] };
    outcomes.push(...results.filter((r) => r.email === email).map((r) => r.outcome));
  }
  expect(outcomes.sort()).toEqual(["already_invited", "invited"]);

  const list = await fetch(`${url()}/api/v1/invitations?limit=100`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(list.status).toBe(200);
  const { data } = (await list.json()) as { data: { email: string }[] };
  expect(data.filter((i) => i.email === email)).toHaveLength(1);
  await expectExactlyOneMail(email);
});

interface Sample {
  at: number;
  path: string;
  status: number | "network error" | "timeout";
  ms: number;
  type: string;
  body: string;
}

test("PostgreSQL restarted in the middle of traffic: clean errors while it is down, then both instances answer again without a restart", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { context, page } = await newBrowser(browser);
  await openSignIn(page);
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).not.toHaveURL(/sign-in/);
  const cookie = (await context.cookies(url())).map((c) => `${c.name}=${c.value}`).join("; ");
  const pids = servers.map((s) => s.process.pid);

  // A steady stream of pages and API calls through the proxy, three at a time, each given 10 s.
  const targets: { path: string; headers: Record<string, string> }[] = [
    { path: "/acme/settings/members", headers: { cookie } },
    { path: "/acme/instances", headers: { cookie } },
    { path: "/workspace/select", headers: { cookie } },
    { path: "/api/v1/members", headers: { authorization: `Bearer ${apiKey}` } },
  ];
  const samples: Sample[] = [];
  let streaming = true;
  const stream = async (offset: number) => {
    for (let i = offset; streaming; i++) {
      const target = targets[i % targets.length]!;
      const started = Date.now();
      let sample: Sample;
      try {
        const response = await fetch(`${url()}${target.path}`, { headers: target.headers, redirect: "manual", signal: AbortSignal.timeout(10_000) });
        const body = await response.text();
        sample = { at: started, path: target.path, status: response.status, ms: Date.now() - started, type: response.headers.get("content-type") ?? "", body };
      } catch (error) {
        const status = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network error";
        sample = { at: started, path: target.path, status, ms: Date.now() - started, type: "", body: String(error) };
      }
      samples.push(sample);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const streams = [0, 1, 2].map(stream);

  await expect.poll(() => samples.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(12);
  const healthy = samples.slice();
  expect(healthy.map((s) => s.status)).toEqual(healthy.map(() => 200));

  postgres!.stopServer();
  const stoppedAt = Date.now();
  // What a person sees meanwhile: the app's own error page, which passes axe.
  const failed = await page.goto("/acme/settings/members");
  expect(failed!.status()).toBeGreaterThanOrEqual(500);
  await expect(page.getByText(OUR_ERROR)).toBeVisible();
  await expectAccessible(page);
  await new Promise((r) => setTimeout(r, Math.max(0, 3_000 - (Date.now() - stoppedAt))));
  const startingAt = Date.now();
  postgres!.startServer();
  const startedAt = Date.now();

  // Every page and the API answer 200 again, on both instances, within 30 s of the server's return.
  await expect
    .poll(
      () => {
        const recent = samples.filter((s) => s.at > startedAt);
        return targets.every((t) => recent.some((s) => s.path === t.path && s.status === 200));
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe(true);
  const recoveredAt = Date.now();
  for (const upstream of ["a", "b"]) {
    const response = await fetch(`${url()}/acme/settings/members`, { headers: { cookie, [UPSTREAM_OVERRIDE_HEADER]: upstream }, redirect: "manual" });
    expect(response.status).toBe(200);
  }
  // And stay healthy: a few more seconds of traffic, all answered.
  await new Promise((r) => setTimeout(r, 3_000));
  streaming = false;
  await Promise.all(streams);

  const during = samples.filter((s) => s.at >= stoppedAt && s.at + s.ms <= startingAt);
  const after = samples.filter((s) => s.at >= recoveredAt);
  const summary = (list: Sample[]) => list.map((s) => `${s.path} ${s.status} ${s.ms}ms`).join("\n");
  console.log(
    `PostgreSQL down ${startingAt - stoppedAt} ms; recovered ${recoveredAt - startedAt} ms after it was back; ` +
      `${samples.length} requests: ${during.length} during the outage, ${after.length} after recovery.`,
  );
  expect(during.length, "requests during the outage").toBeGreaterThan(5);
  for (const sample of during) {
    // Fails quickly and cleanly: an error status, no hang, no stack trace or driver message. A page's
    // answer is Next's error document, in which the browser renders app/error.tsx (checked above); the
    // API's, a problem document.
    expect([500, 503], summary([sample])).toContain(sample.status);
    expect(sample.ms, summary([sample])).toBeLessThan(5_000);
    expect(sample.body).not.toMatch(/\n\s+at .+:\d+:\d+|ECONNREFUSED|reach database|DatabaseNotReachable|DriverAdapterError|prisma/i);
    if (sample.path.startsWith("/api/")) expect(sample.type).toContain("application/problem+json");
    else expect(sample.type).toContain("text/html");
  }
  expect(after.length).toBeGreaterThan(5);
  expect(after.filter((s) => s.status !== 200), summary(after.filter((s) => s.status !== 200))).toEqual([]);

  // The browser's "Try again" renders the page now.
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: /^Members/, level: 2 })).toBeVisible();
  // The same processes throughout.
  expect(servers.map((s) => [s.process.pid, s.process.exitCode])).toEqual(pids.map((pid) => [pid, null]));
  await context.close();
});
