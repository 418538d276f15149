import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import { PrismaClient } from "@/generated/prisma/client";
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
    return new PrismaClient({ adapter: new PrismaPGlite(new PGlite(dataDir)) });
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize() }) });
  }
  throw new Error(
    `DATABASE_URL must start with postgresql:// or ${PGLITE_PREFIX} (got "${url.split(":")[0]}:…").`,
  );
}

function poolSize(): number {
  const fromEnv = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10;
}
