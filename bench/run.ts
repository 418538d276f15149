// `npm run bench`: the dashboard's real pages and one server action under authenticated load, beside the
// barest authenticated page the same server has, on PostgreSQL and on the embedded PGlite.
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { nextStart } from "@/scripts/lib/next-start";
import { BENCH_SLUG, BENCH_USER, seedLargeWorkspace } from "./seed-large";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const KINDS = (process.env.BENCH_DATABASES ?? "postgres,pglite").split(",") as ("postgres" | "pglite")[];
/** Seconds of mixed load after the runs on PostgreSQL (the soak); 0 or unset skips it. */
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 0) || 0;
const SOAK_CONNECTIONS = 10;
const SOAK_SAMPLE_SECONDS = 10;
const env = {
  ...process.env,
  AUTH_TRUST_HOST: "true",
  APP_URL: `http://127.0.0.1:${PORT}`,
  ALLOW_DEMO_PAYMENTS: "true",
  DELIVERY_WORKER: "off",
  BENCH_COUNT_QUERIES: "1",
  // The per-key limit (600 a minute) would answer most of the load with 429: the bench measures the work.
  API_REQUESTS_PER_MINUTE: "100000000",
};

interface Target {
  name: string;
  path: string;
  /** Instead of the session cookie: the API's Bearer key. */
  headers?: Record<string, string>;
  action?: { id: string; bodies: string[] };
}
interface Row {
  database: string;
  target: string;
  connections: number;
  requestsPerSecond: number;
  ratioToBare: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  roundTripsPerRequest: number;
}

async function prepareDatabase(kind: "postgres" | "pglite"): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-pglite-"));
    return { url: `pglite:${dir}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("PostgreSQL: run through `npm run bench`, which starts one, or set BENCH_DATABASE_URL.");
  const name = `ws_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

function startServer(databaseUrl: string): ChildProcess {
  const start = nextStart(PORT, "127.0.0.1");
  return spawn(process.execPath, start.args, {
    env: { ...env, ...start.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/sign-in`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not start");
}

/** Signs in the way a browser does, through Auth.js's credentials callback, and returns the cookie header. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: BENCH_USER.email, password: BENCH_USER.password, callbackUrl: `${BASE}/` }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.includes("session-token"));
  if (!session) throw new Error("Sign-in failed: no session cookie");
  return session;
}

/** The server process and its children (if it forks any), summed: what the machine really gives it. */
function rssMb(pid: number): number {
  const all = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parent = new Map<number, number>();
  for (const p of all) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone
    }
  }
  const tree = new Set([pid]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [p, pp] of parent) if (tree.has(pp) && !tree.has(p)) (tree.add(p), (changed = true));
  }
  let kb = 0;
  for (const p of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

function changeRoleActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === "changeMemberRoleAction");
  if (!entry) throw new Error("changeMemberRoleAction not found in the server reference manifest");
  return entry[0];
}

/** fetch, once more if a kept-alive socket was closed by the server right after a load run. */
async function fetchAgain(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    return fetch(url, init);
  }
}

async function roundTrips(target: Target, cookie: string): Promise<number> {
  const headers = target.action ? actionHeaders(target, cookie) : (target.headers ?? { cookie });
  const call = (i: number) =>
    fetchAgain(`${BASE}${target.path}`, target.action ? { method: "POST", headers, body: target.action.bodies[i % 2] } : { headers, redirect: "manual" }).then((r) =>
      r.arrayBuffer(),
    );
  await call(0);
  await fetchAgain(`${BASE}/api/bench/queries?reset`);
  const n = 10;
  for (let i = 0; i < n; i++) await call(i + 1);
  const { count } = (await (await fetchAgain(`${BASE}/api/bench/queries?reset`)).json()) as { count: number };
  return Math.round((count / n) * 10) / 10;
}

function actionHeaders(target: Target, cookie: string): Record<string, string> {
  return { cookie, "next-action": target.action!.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" };
}

function load(target: Target, cookie: string, connections: number) {
  const spec = {
    url: `${BASE}${target.path}`,
    connections,
    duration: DURATION,
    headers: target.action ? actionHeaders(target, cookie) : (target.headers ?? { cookie }),
    ...(target.action ? { bodies: target.action.bodies } : {}),
  };
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/load.ts", JSON.stringify(spec)], { encoding: "utf8", maxBuffer: 64 << 20 });
  return JSON.parse(out) as { requestsPerSecond: number; p50: number; p95: number; p99: number; errors: number };
}

interface Soak {
  database: string;
  seconds: number;
  connections: number;
  /** The GET targets, sent by each connection in turn. */
  targets: string[];
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts and answers other than 2xx: 0 expected. */
  errors: number;
  statuses: Record<string, number>;
  /** The server's RSS, MB, every SOAK_SAMPLE_SECONDS from the start of the load to its end. */
  rssSamples: { seconds: number; mb: number }[];
  /** Least-squares slope of those samples: how fast the server's memory grows under steady load. */
  rssSlopeMbPerMinute: number;
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * The soak: SOAK_SECONDS of mixed load (every page and API list of the targets, each connection sending
 * them in turn) from a second process, while this one samples the server's RSS. A leak shows as a slope
 * that does not flatten; errors show anything that breaks only after a while (pool, sessions, limits).
 */
async function soak(kind: string, targets: Target[], cookie: string, serverPid: number): Promise<Soak> {
  const gets = targets.filter((t) => !t.action).map((t) => ({ path: t.path, headers: t.headers ?? { cookie } }));
  const spec = { url: BASE, connections: SOAK_CONNECTIONS, duration: SOAK_SECONDS, headers: {}, gets };
  console.error(`[${kind}] soak: ${SOAK_SECONDS} s of mixed load over ${gets.length} targets at ${SOAK_CONNECTIONS} connections`);
  const started = Date.now();
  const rssSamples = [{ seconds: 0, mb: rssMb(serverPid) }];
  const sampler = setInterval(() => {
    const sample = { seconds: Math.round((Date.now() - started) / 1000), mb: rssMb(serverPid) };
    rssSamples.push(sample);
    console.error(`[${kind}] soak: ${sample.seconds} s, RSS ${sample.mb} MB`);
  }, SOAK_SAMPLE_SECONDS * 1000);
  const out = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ["--import", "tsx", "bench/load.ts", JSON.stringify(spec)], { encoding: "utf8", maxBuffer: 64 << 20 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
  clearInterval(sampler);
  rssSamples.push({ seconds: Math.round((Date.now() - started) / 1000), mb: rssMb(serverPid) });
  const result = JSON.parse(out) as { requestsPerSecond: number; p50: number; p95: number; p99: number; errors: number; total: number; statuses: Record<string, number> };
  const perMinute = slope(rssSamples.map((s) => ({ x: s.seconds / 60, y: s.mb })));
  return {
    database: kind,
    seconds: SOAK_SECONDS,
    connections: SOAK_CONNECTIONS,
    targets: gets.map((g) => g.path),
    requests: result.total,
    requestsPerSecond: Math.round(result.requestsPerSecond),
    p50: result.p50,
    p95: result.p95,
    p99: result.p99,
    errors: result.errors,
    statuses: result.statuses,
    rssSamples,
    rssSlopeMbPerMinute: Math.round(perMinute * 100) / 100,
  };
}

interface Memory {
  /** The server's resident memory, MB, after warm-up and after every load run. */
  before: number;
  after: number;
  /** Of which the V8 heap (reserved, in use) and memory outside it (WASM included: PGlite's whole
   *  database, Prisma's query compiler) after the load, from the server's own probe. */
  heapTotalAfter: number;
  heapUsedAfter: number;
  externalAfter: number;
}

async function benchOne(kind: "postgres" | "pglite"): Promise<{ rows: Row[]; rss: Memory; soak?: Soak }> {
  const { url, cleanup } = await prepareDatabase(kind);
  await applyMigrations(url);
  const db = createPrismaClient(url);
  const seeded = Date.now();
  const { targetMembershipId, apiKeySecret } = await seedLargeWorkspace(db);
  const bearer = { authorization: `Bearer ${apiKeySecret}` };
  await db.$disconnect();
  console.error(`[${kind}] seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

  const server = startServer(url);
  try {
    await waitForServer();
    const cookie = await signIn();
    const actionId = changeRoleActionId();
    const targets: Target[] = [
      { name: "bare authenticated page", path: "/workspace/new" },
      { name: "members (first 50)", path: `/${BENCH_SLUG}/settings/members` },
      { name: "instances list", path: `/${BENCH_SLUG}/instances` },
      { name: "audit log (first page)", path: `/${BENCH_SLUG}/settings/audit` },
      // The switcher fetches its list from this endpoint when it is about to open.
      { name: "workspace switcher data", path: "/api/workspaces" },
      { name: "workspace list page", path: "/workspace/select" },
      // The public API's lists, with an API key instead of a session.
      { name: "API: members (first 50)", path: "/api/v1/members", headers: bearer },
      { name: "API: instances (first 50)", path: "/api/v1/instances", headers: bearer },
      { name: "API: audit events (first 50)", path: "/api/v1/audit-events", headers: bearer },
      {
        name: "server action: change role",
        path: `/${BENCH_SLUG}/settings/members`,
        action: {
          id: actionId,
          bodies: ["VIEWER", "DEVELOPER"].map((role) => JSON.stringify([BENCH_SLUG, { membershipId: targetMembershipId, role }])),
        },
      },
    ];
    // Warm every route once (first requests compile nothing in production, but fill caches and pools).
    for (const t of targets) await roundTrips(t, cookie);
    const rssBefore = rssMb(server.pid!);
    const rows: Row[] = [];
    for (const connections of [1, 10]) {
      let bare = 0;
      for (const target of targets) {
        const trips = await roundTrips(target, cookie);
        const result = load(target, cookie, connections);
        if (target === targets[0]) bare = result.requestsPerSecond;
        rows.push({
          database: kind,
          target: target.name,
          connections,
          requestsPerSecond: Math.round(result.requestsPerSecond),
          ratioToBare: bare ? Math.round((result.requestsPerSecond / bare) * 100) / 100 : 1,
          p50: result.p50,
          p95: result.p95,
          p99: result.p99,
          errors: result.errors,
          roundTripsPerRequest: trips,
        });
        console.error(`[${kind}] c=${connections} ${target.name}: ${Math.round(result.requestsPerSecond)} req/s, p95 ${result.p95} ms, ${trips} round trips`);
      }
    }
    const { memoryMb } = (await (await fetchAgain(`${BASE}/api/bench/queries`)).json()) as { memoryMb: { heapTotal: number; heapUsed: number; external: number } };
    const after = rssMb(server.pid!);
    const rss = { before: rssBefore, after, heapTotalAfter: memoryMb.heapTotal, heapUsedAfter: memoryMb.heapUsed, externalAfter: memoryMb.external };
    if (kind === "postgres" && SOAK_SECONDS > 0) return { rows, rss, soak: await soak(kind, targets, cookie, server.pid!) };
    return { rows, rss };
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1000));
    await cleanup();
  }
}

function markdown(rows: Row[], rss: Record<string, Memory>, soaks: Soak[]): string {
  const lines = [
    "| database | target | conns | req/s | × bare | p50 ms | p95 ms | p99 ms | errors | round trips |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.database} | ${r.target} | ${r.connections} | ${r.requestsPerSecond} | ${r.ratioToBare} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.roundTripsPerRequest} |`),
    "",
    ...Object.entries(rss).map(
      ([db, m]) =>
        `Server RSS on ${db}: ${m.before} MB before load, ${m.after} MB after (V8 heap ${m.heapTotalAfter} MB reserved, ${m.heapUsedAfter} MB in use; outside the heap, WASM included, ${m.externalAfter} MB).`,
    ),
    ...(soaks.length
      ? [
          "",
          "| soak | seconds | conns | requests | req/s | p50 ms | p95 ms | p99 ms | errors | RSS start → end MB | RSS slope MB/min |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
          ...soaks.map(
            (s) =>
              `| ${s.database} | ${s.seconds} | ${s.connections} | ${s.requests} | ${s.requestsPerSecond} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.errors} | ${s.rssSamples[0]!.mb} → ${s.rssSamples.at(-1)!.mb} | ${s.rssSlopeMbPerMinute} |`,
          ),
        ]
      : []),
  ];
  return lines.join("\n");
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) {
    // `npm run build`, as production does: next build, then the static files into the standalone folder.
    const build = spawnSync("npm", ["run", "--silent", "build"], { env, stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  const rows: Row[] = [];
  const rss: Record<string, Memory> = {};
  const soaks: Soak[] = [];
  for (const kind of KINDS) {
    const result = await benchOne(kind);
    rows.push(...result.rows);
    rss[kind] = result.rss;
    if (result.soak) soaks.push(result.soak);
  }
  mkdirSync("bench/results", { recursive: true });
  const file = process.env.BENCH_RESULTS_FILE ?? `bench/results/${new Date().toISOString().slice(0, 10)}.json`;
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), durationSeconds: DURATION, machine: { cpus: (await import("node:os")).cpus().length }, rows, rss, ...(soaks.length ? { soak: soaks } : {}) }, null, 2));
  console.log(markdown(rows, rss, soaks));
  console.log(`\nWritten to ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
