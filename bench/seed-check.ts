// Seeds one scale into a fresh database and prints the time per step: `tsx --conditions=react-server
// bench/seed-check.ts <small|large> <postgresql://admin-url | pglite:/dir>`, to tune the seed without a whole run.
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { SCALES, seedWorkspace, type Scale } from "./seed-large";

async function main() {
  const scale = SCALES[(process.argv[2] ?? "large") as Scale["name"]];
  let url = process.argv[3] ?? process.env.TEST_DATABASE_URL!;
  if (!url.startsWith("pglite:")) {
    const name = `ws_seed_check_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  await applyMigrations(url);
  const db = createPrismaClient(url);
  const started = Date.now();
  const { steps } = await seedWorkspace(db, scale);
  console.log(`${scale.name} seeded into ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`, steps);
  await db.$disconnect();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
