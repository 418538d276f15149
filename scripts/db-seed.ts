// Loads the demo accounts and workspaces into the database that DATABASE_URL names (or the embedded default).
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "@/lib/demo/seed";

async function main() {
  const url = resolveDatabaseUrl();
  const db = createPrismaClient(url);
  try {
    const { created } = await seedDemoData(db);
    console.log(created ? "Demo data loaded." : "Demo data already present; nothing changed.");
    console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email}  (${account.name})`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
