import { db } from "@/lib/db";

/**
 * A fingerprint of every row of every table: equal before and after a call means the call wrote
 * nothing at all, whichever table it might have touched.
 */
export async function databaseSnapshot(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const snapshot: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await db().$queryRawUnsafe<{ n: bigint; h: string | null }[]>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table_name}" t`,
    );
    snapshot[table_name] = `${row?.n}:${row?.h ?? ""}`;
  }
  return snapshot;
}
