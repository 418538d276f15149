// Playwright's web server: a fresh database on the test PostgreSQL server, migrated and seeded with the
// demo data, then the production build's standalone server run as `npm start` runs it (directly, so
// stopping this process group stops the server too).
import { spawn } from "node:child_process";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemoData } from "@/lib/demo/seed";
import { setPlatformOperator } from "@/lib/accounts/service";
import { startMailCapture } from "@/tests/support/mail-capture";
import { startReceiver } from "@/tests/support/receiver";
import { nextStart } from "./lib/next-start";

async function main() {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set: run the browser tests through `npm test`.");
  const database = `ws_e2e_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${database}"`);
  await client.end();

  const url = new URL(admin);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  const db = createPrismaClient(databaseUrl);
  await seedDemoData(db);
  await setPlatformOperator(db, "ops@example.com", true);
  await db.$disconnect();

  // Mail goes through the real Resend SDK to a capture server the tests read, as a person reads mail.
  const mail = await startMailCapture(Number(process.env.MAIL_CAPTURE_PORT ?? 3101));
  // Webhook and Slack targets, and fake AI providers' model lists, for the alerting and AI tests.
  await startReceiver(
    {
      "/ai-ok/v1/models": { status: 200, body: { data: [{ id: "claude-sonnet-4-5" }, { id: "claude-haiku-4-5" }] } },
      "/ai-bad/models": { status: 401, body: { error: { message: "Incorrect API key provided" } } },
      "/ai-groq/models": { status: 200, body: { data: [{ id: "llama-3.3-70b-versatile" }] } },
      "/ai-ollama/api/tags": { status: 200, body: { models: [{ name: "llama3.1" }, { name: "qwen2.5" }, { name: "mistral" }] } },
      "/ai-custom/models": { status: 200, body: { data: [{ id: "house-model" }] } },
    },
    Number(process.env.RECEIVER_PORT ?? 3102),
  );

  const port = process.env.PORT ?? "3100";
  const start = nextStart(port, "127.0.0.1");
  const server = spawn(process.execPath, start.args, {
    stdio: "inherit",
    env: {
      ...process.env,
      ...start.env,
      DATABASE_URL: databaseUrl,
      RESEND_API_KEY: "re_e2e_key",
      APP_URL: `http://127.0.0.1:${port}`,
      ALLOW_DEMO_PAYMENTS: "true",
      // Every browser of the suite comes from 127.0.0.1: per-address limits would be shared by all tests.
      RATE_LIMIT_CLIENT_FACTOR: "10",
      RESEND_BASE_URL: mail.url,
      // The receiver above, and only it, may be called over plain http at a loopback address.
      OUTBOUND_ALLOWED_HOSTS: `127.0.0.1:${process.env.RECEIVER_PORT ?? 3102}`,
    },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", async (code) => {
    const cleanup = new pg.Client({ connectionString: admin });
    await cleanup.connect().then(() => cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => {});
    await cleanup.end().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
