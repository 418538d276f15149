import path from "node:path";

/** Embedded default: no server to install, the data lives in the project (git-ignored `.data/`). */
const DEFAULT_PGLITE_DIR = "./.data/pglite";

/**
 * The database URL: `postgresql://...` or `pglite:<folder>`.
 * A relative PGlite folder is made absolute against process.cwd() (the app always runs from the project
 * root), so the migrator, the seed and the server agree on one folder whatever later changes directory.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || `pglite:${DEFAULT_PGLITE_DIR}`;
  if (!url.startsWith("pglite:")) return url;
  return `pglite:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("pglite:".length))}`;
}
