import { applyMigrations } from "../lib/db/migrate";
import { resolveDatabaseUrl } from "../lib/db/url";

// `npm run db:migrate`: brings the database in DATABASE_URL (default: the embedded PGlite folder) up to
// prisma/migrations. Run it before the server starts: a PGlite folder can be open in one process only.
async function main(): Promise<void> {
  const url = resolveDatabaseUrl();
  // Never print credentials from a postgresql:// URL.
  const shown = url.replace(/\/\/[^@/]*@/, "//***@");
  const { applied } = await applyMigrations(url, { log: (msg) => console.log(msg) });
  console.log(
    applied.length ? `Applied ${applied.length} migration(s) to ${shown}` : `No pending migrations for ${shown}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
