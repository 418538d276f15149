import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Every embedded database opens with the extensions the migrations create (pg_trgm, for the "contains"
 * searches' indexes): the app's client, the migration runner and the schema diff's shadow database alike,
 * or a migration that creates the extension fails on PGlite only.
 */
export const PGLITE_EXTENSIONS = { pg_trgm } satisfies PGliteOptions["extensions"];

/** A PGlite database on disk (dataDir) or in memory (none), with PGLITE_EXTENSIONS loaded. */
export function openPglite(dataDir?: string): PGlite {
  // One options object: PGlite reads a second argument only when the first is a string.
  return new PGlite({ dataDir, extensions: PGLITE_EXTENSIONS });
}

/** openPglite, waiting until it is ready. */
export function createPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
}
