import path from "node:path";

/** Embedded default: no server to install, the data lives in the project (git-ignored `.data/`). */
const DEFAULT_PGLITE_DIR = "./.data/pglite";

/**
 * The database URL: `postgresql://...` or `pglite:<folder>`.
 * A relative PGlite folder is made absolute against the project root, so the migrator, the seed and the
 * server agree on one folder. That is process.cwd(), except in the standalone server (`npm start`), which
 * changes directory into .next/standalone, a folder every build deletes: there, the root is two levels up.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const url = env.DATABASE_URL?.trim() || `pglite:${DEFAULT_PGLITE_DIR}`;
  if (!url.startsWith("pglite:")) return url;
  const inStandalone = path.basename(cwd) === "standalone" && path.basename(path.dirname(cwd)) === ".next";
  const root = inStandalone ? path.dirname(path.dirname(cwd)) : cwd;
  return `pglite:${path.resolve(/*turbopackIgnore: true*/ root, url.slice("pglite:".length))}`;
}
