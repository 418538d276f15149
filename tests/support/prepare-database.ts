// Run as `tsx --conditions=react-server tests/support/prepare-database.ts` with DATABASE_URL set (the app's
// code imports "server-only", which only that condition allows outside Next): migrates and seeds that
// database with the demo data, as scripts/serve-test-app.ts does, and prints one JSON line with a write API
// key of the demo owner's in Acme, stored as the dashboard stores keys (tests/support/api-client.ts), and
// room in Acme for the tests' invitations.
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/demo/seed";
import { newApiKeySecret } from "@/lib/api-keys/token";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith("postgresql://")) throw new Error("DATABASE_URL must name a PostgreSQL database");
  await applyMigrations(url);
  const db = createPrismaClient(url);
  try {
    await seedDemoData(db);
    const owner = await db.user.findUniqueOrThrow({ where: { email: "demo@example.com" } });
    const acme = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
    // Room for the tests' invitations (the free plan's seats are nearly taken by the demo), as an approved
    // quota request would give it.
    await db.workspaceQuota.upsert({
      where: { workspaceId_resource: { workspaceId: acme.id, resource: "MEMBERS" } },
      create: { workspaceId: acme.id, resource: "MEMBERS", limit: 50 },
      update: { limit: 50 },
    });
    const { secret, prefix, secretHash } = newApiKeySecret();
    await db.apiKey.create({
      data: { workspaceId: acme.id, createdById: owner.id, access: "WRITE", name: "two-instance test", prefix, secretHash, lastUsedAt: new Date() },
    });
    process.stdout.write(`${JSON.stringify({ apiKey: secret, workspaceId: acme.id })}\n`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
