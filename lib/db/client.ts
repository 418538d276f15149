import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import { PrismaClient } from "@/generated/prisma/client";
import { openPglite } from "./pglite";
import { resolveDatabaseUrl } from "./url";

export type Db = PrismaClient;
/** The client handed to code running inside `db().$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export const PGLITE_PREFIX = "pglite:";

/** Picks the driver adapter from the URL: a PostgreSQL server, or the embedded on-disk PGlite default. */
export function createPrismaClient(url: string = resolveDatabaseUrl()): PrismaClient {
  if (url.startsWith(PGLITE_PREFIX)) {
    const dataDir = url.slice(PGLITE_PREFIX.length);
    mkdirSync(dataDir, { recursive: true });
    return counted(new PrismaClient({ adapter: new PrismaPGlite(openPglite(dataDir)), ...queryEvents() }));
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    // A database host that does not answer (rather than refusing) must fail requests within seconds, not
    // hang them: connecting gives up after 5 s, and a request then settles into the usual error answer.
    return counted(
      new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize(), connectionTimeoutMillis: 5_000 }), ...queryEvents() }),
    );
  }
  throw new Error(
    `DATABASE_URL must start with postgresql:// or ${PGLITE_PREFIX} (got "${url.split(":")[0]}:…").`,
  );
}

function poolSize(): number {
  const fromEnv = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10;
}

/**
 * With BENCH_COUNT_QUERIES=1 (the benchmark's server only), every database round trip Prisma makes
 * is counted, so `npm run bench` can report round trips per request.
 */
const counting = () => process.env.BENCH_COUNT_QUERIES === "1";
const queryEvents = () => (counting() ? { log: [{ emit: "event" as const, level: "query" as const }] } : {});
const counter = globalThis as unknown as { __workspacesQueryCount?: number; __workspacesQueryLog?: string[] };

function counted(client: PrismaClient): PrismaClient {
  if (counting()) (client as unknown as { $on(event: "query", cb: (event: { query: string }) => void): void }).$on("query", (event) => {
    counter.__workspacesQueryCount = (counter.__workspacesQueryCount ?? 0) + 1;
    // The statements themselves (the last 500), so the benchmark can tell authorization from a page's own queries.
    const log = (counter.__workspacesQueryLog ??= []);
    log.push(event.query);
    if (log.length > 500) log.shift();
  });
  return client;
}

/** The count so far (and a reset), for the benchmark; null when counting is off. */
export function takeQueryCount(reset: boolean): number | null {
  if (!counting()) return null;
  const count = counter.__workspacesQueryCount ?? 0;
  if (reset) counter.__workspacesQueryCount = 0;
  return count;
}

/** The SQL of the round trips counted since the last reset (at most the last 500); empty when counting is off. */
export function takeQueryLog(reset: boolean): string[] {
  const log = counter.__workspacesQueryLog ?? [];
  if (reset) counter.__workspacesQueryLog = [];
  return log;
}
