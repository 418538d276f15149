import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { Umzug } from "umzug";
import { createPglite } from "./pglite";

// Applies prisma/migrations/*/migration.sql without Prisma's Rust schema engine (which cannot be downloaded
// here), bookkeeping in Prisma's own `_prisma_migrations` table so that `prisma migrate deploy|status` run
// elsewhere see the same history.

/** The two things the runner needs from a database, whatever the driver. */
interface Db {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (simple query protocol, no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

// Prisma's own DDL (prisma-engines, postgres flavour), so Prisma accepts a table we created.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

// The advisory lock key Prisma's migrate takes on PostgreSQL: two runners (ours or Prisma's) never interleave.
const PRISMA_ADVISORY_LOCK = 72707369;

async function connect(url: string): Promise<Db> {
  if (url.startsWith("pglite:")) {
    const dir = url.slice("pglite:".length);
    mkdirSync(dir, { recursive: true });
    const db = await createPglite(dir);
    return {
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
      exec: async (sql) => void (await db.exec(sql)),
      close: () => db.close(),
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
    return {
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      exec: async (sql) => void (await client.query(sql)),
      // Closing the session releases the advisory lock too.
      close: () => client.end(),
    };
  }
  throw new Error(`Unsupported database URL (expected postgresql://... or pglite:<folder>): ${url}`);
}

/** Prisma's checksum: sha256 hex of the file's bytes. */
function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

function readMigrations(dir: string): { name: string; sql: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b)) // As the Prisma CLI orders them; the timestamp prefix makes it chronological.
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`Migration ${name} has no migration.sql (${file})`);
      return { name, sql: readFileSync(file, "utf8") };
    });
}

/**
 * Refuses to go on when the history cannot be trusted: a migration failed half-way (Prisma's P3009,
 * possible when Prisma itself ran it) or an applied migration was edited afterwards, in which case the
 * database no longer matches what the files describe.
 */
function checkHistory(rows: MigrationRow[], files: Map<string, string>): void {
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new Error(
        `Migration ${row.migration_name} failed earlier and is not marked rolled back in _prisma_migrations; ` +
          `fix the database, then set its rolled_back_at (or delete the row) before migrating again.`,
      );
    }
    const sql = files.get(row.migration_name);
    if (sql !== undefined && checksum(sql) !== row.checksum) {
      throw new Error(
        `Migration ${row.migration_name} was modified after it was applied (checksum mismatch). ` +
          `Never edit an applied migration: restore the file and add a new migration instead.`,
      );
    }
  }
}

export async function applyMigrations(
  url: string,
  opts: { log?: (msg: string) => void; migrationsDir?: string } = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrations = readMigrations(opts.migrationsDir ?? path.resolve(process.cwd(), "prisma/migrations"));
  const db = await connect(url);
  try {
    await db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await db.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    checkHistory(rows, new Map(migrations.map((m) => [m.name, m.sql])));
    const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));

    const umzug = new Umzug({
      migrations: migrations.map(({ name, sql }) => ({
        name,
        // The SQL and its bookkeeping row commit together, so a failing migration leaves no trace and stays
        // pending (Prisma would instead leave a failed row that blocks every later deploy).
        up: async () => {
          await db.exec("BEGIN");
          try {
            await db.exec(sql);
            await db.query(
              `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
               VALUES ($1, $2, clock_timestamp(), $3, 1)`,
              [randomUUID(), checksum(sql), name],
            );
            await db.exec("COMMIT");
          } catch (error) {
            // Keep the migration's own error, not a follow-up one from a dead connection.
            await db.exec("ROLLBACK").catch(() => {});
            throw error;
          }
        },
      })),
      // Rows are written inside each migration's transaction above, so umzug's own storage only reads.
      storage: {
        executed: async () => [...done],
        logMigration: async () => {},
        unlogMigration: async () => {
          throw new Error("Down migrations are not supported; add a new migration instead.");
        },
      },
      logger: undefined,
    });
    umzug.on("migrating", ({ name }) => log(`Applying ${name}`));

    const applied = (await umzug.up()).map((m) => m.name);
    return { applied };
  } finally {
    await db.close();
  }
}
