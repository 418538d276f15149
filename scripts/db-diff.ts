import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemaAgainstMigrations, LOCKFILE_CONTENT, MIGRATIONS_DIR } from "./lib/schema-diff";

// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql when
// prisma/schema.prisma has changed; stands in for `prisma migrate dev --create-only`, which needs the Rust engine.
// `npm run db:diff -- --check`: exits 1 (printing the SQL) when the schema and the migrations disagree; for CI.

const USAGE = "Usage: npm run db:diff -- <migration_name> | --check";

/** UTC YYYYMMDDHHMMSS, as Prisma names migration folders. */
function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Prisma-style slug, so folder names stay portable. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 200);
}

async function main(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const name = args.find((arg) => !arg.startsWith("-"));
  if (!check && (!name || !slug(name))) {
    console.error(USAGE);
    return 2;
  }

  const sql = await diffSchemaAgainstMigrations();
  if (!sql) {
    console.log("No changes: prisma/schema.prisma and prisma/migrations agree.");
    return 0;
  }
  if (check) {
    console.error("prisma/schema.prisma differs from prisma/migrations; run `npm run db:diff -- <name>`. Missing SQL:\n");
    console.error(sql);
    return 1;
  }

  const dir = path.join(MIGRATIONS_DIR, `${timestamp()}_${slug(name!)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lockPath) || readFileSync(lockPath, "utf8") !== LOCKFILE_CONTENT) {
    writeFileSync(lockPath, LOCKFILE_CONTENT);
  }
  console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql; apply it with npm run db:migrate.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
