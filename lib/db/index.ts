import "server-only";
import { createPrismaClient, type Db } from "./client";

// One client per process. It is created on first use rather than at import, because
// `next build` imports page modules and must not open (or lock) the database.
const holder = globalThis as unknown as { __workspacesDb?: Db };

export function db(): Db {
  holder.__workspacesDb ??= createPrismaClient();
  return holder.__workspacesDb;
}

export type { Db, Tx } from "./client";
