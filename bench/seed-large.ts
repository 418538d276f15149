import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createAccount } from "@/lib/accounts/service";
import { newApiKeySecret } from "@/lib/api-keys/token";

export const BENCH_USER = { email: "bench@example.com", password: "bench-password", name: "Bench Owner" };
export const BENCH_SLUG = "bench-ws";

/** How big the benchmark's workspace is. Both scales seed the same shapes, so a page's cost can be compared. */
export interface Scale {
  name: "small" | "large";
  members: number;
  invitations: number;
  projects: number;
  servers: number;
  instances: number;
  auditEvents: number;
  transactions: number;
  /** Workspaces the benchmark user belongs to, their personal one and the benchmark's included. */
  workspaces: number;
}

export const SCALES: Record<Scale["name"], Scale> = {
  small: { name: "small", members: 2_000, invitations: 300, projects: 50, servers: 10, instances: 500, auditEvents: 20_000, transactions: 500, workspaces: 50 },
  large: {
    name: "large",
    members: 100_000,
    invitations: 1_000,
    projects: 500,
    servers: 100,
    instances: 10_000,
    auditEvents: 1_000_000,
    transactions: 20_000,
    workspaces: 1_000,
  },
};

const ACTIONS = ["member.role_changed", "instance.restarted", "invitation.created", "project.created", "backup.created", "workspace.updated"];
const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;

/**
 * The benchmark's workspace at a scale. The account, its personal workspace, the benchmark workspace and
 * the API key go through the app's own code; the bulk (members, invitations, projects, servers,
 * instances, audit events, billing transactions, the user's other workspaces) is set-based SQL, one
 * `INSERT … SELECT … FROM generate_series` per table, so a million rows take seconds, not the minutes
 * that row-by-row inserts would, and the same statements run on PostgreSQL and PGlite. Ids are
 * readable text ('bu_42'), which the schema's text ids accept.
 * Returns the timings of each step, so the report can say where seeding time goes.
 */
export async function seedWorkspace(
  db: Db,
  scale: Scale,
): Promise<{ targetMembershipId: string; apiKeySecret: string; steps: Record<string, number> }> {
  const steps: Record<string, number> = {};
  const step = async (name: string, sql: string) => {
    const started = Date.now();
    await db.$executeRawUnsafe(sql);
    steps[name] = (steps[name] ?? 0) + (Date.now() - started);
  };

  const passwordHash = await hashPassword(BENCH_USER.password);
  const owner = await db.$transaction((tx) => createAccount(tx, { name: BENCH_USER.name, email: BENCH_USER.email, passwordHash, emailVerifiedAt: new Date() }));
  const workspace = await db.workspace.create({
    data: { name: "Bench Workspace", slug: BENCH_SLUG, plan: "ENTERPRISE", memberships: { create: { userId: owner.id, role: "OWNER" } } },
  });
  const ws = workspace.id;
  const o = owner.id;
  const s = scale;

  await step(
    "users",
    `INSERT INTO "User" (id, name, email, "passwordHash", "updatedAt")
     SELECT 'bu_' || n, 'Member ' || n, 'member' || n || '@bench.example', '!', now() FROM generate_series(1, ${s.members}) n`,
  );
  // Members joined one second apart, oldest first, as the members page orders them.
  await step(
    "memberships",
    `INSERT INTO "Membership" (id, "userId", "workspaceId", role, "createdAt", "updatedAt")
     SELECT 'bm_' || n, 'bu_' || n, '${ws}', (${sqlArray(["ADMIN", "DEVELOPER", "DEVELOPER", "VIEWER"])})[n % 4 + 1]::"Role",
            now() - make_interval(secs => ${s.members} - n + 60), now()
     FROM generate_series(1, ${s.members}) n`,
  );
  await step(
    "invitations",
    `INSERT INTO "Invitation" (id, "workspaceId", email, role, "tokenHash", "expiresAt", "invitedById", "lastSentAt", "createdAt", "updatedAt")
     SELECT 'bi_' || n, '${ws}', 'invitee' || n || '@bench.example', 'VIEWER', md5('bench-invitation-' || n) || md5('again-' || n),
            now() + interval '7 days', '${o}', now(), now() - make_interval(secs => ${s.invitations} - n), now()
     FROM generate_series(1, ${s.invitations}) n`,
  );
  await step(
    "projects",
    `INSERT INTO "Project" (id, "workspaceId", name, "repositoryUrl", branches, "updatedAt")
     SELECT 'bp_' || n, '${ws}', 'project-' || lpad(n::text, 4, '0'), 'https://example.test/p' || n, ARRAY['main', 'develop'], now()
     FROM generate_series(1, ${s.projects}) n`,
  );
  await step(
    "servers",
    `INSERT INTO "Server" (id, "workspaceId", name, region, address, "updatedAt")
     SELECT 'bs_' || n, '${ws}', 'server-' || lpad(n::text, 3, '0'), 'eu-west-1', '10.0.' || (n / 256) || '.' || (n % 256), now()
     FROM generate_series(1, ${s.servers}) n`,
  );
  await step(
    "instances",
    `INSERT INTO "Instance" (id, "workspaceId", name, "projectId", "serverId", environment, settings, "updatedAt")
     SELECT 'bn_' || n, '${ws}', 'instance-' || lpad(n::text, 5, '0'), 'bp_' || (n % ${s.projects} + 1), 'bs_' || (n % ${s.servers} + 1),
            (${sqlArray(["DEVELOPMENT", "STAGING", "PRODUCTION"])})[n % 3 + 1]::"Environment", '{"replicas":1,"memoryMb":512,"autoRestart":true}'::jsonb, now()
     FROM generate_series(1, ${s.instances}) n`,
  );
  // The events spread over the last 30 days, in chunks so PGlite (one WASM process) never holds a
  // million-row statement's state at once.
  const chunk = 250_000;
  for (let from = 1; from <= s.auditEvents; from += chunk) {
    const to = Math.min(s.auditEvents, from + chunk - 1);
    await step(
      "auditEvents",
      `INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", action, "targetType", "targetId", metadata, ip, "createdAt")
       SELECT 'ba_' || n, '${ws}', 'bu_' || (n % ${s.members} + 1), (${sqlArray(ACTIONS)})[n % ${ACTIONS.length} + 1], 'membership',
              'bm_' || (n % ${s.members} + 1), jsonb_build_object('n', n), '127.0.0.1',
              now() - interval '30 days' + make_interval(secs => n * ${(30 * 86_400) / s.auditEvents})
       FROM generate_series(${from}, ${to}) n`,
    );
  }
  await step(
    "transactions",
    `INSERT INTO "BillingTransaction" (id, "workspaceId", type, status, "amountMinor", "balanceAfterMinor", currency, description, provider,
                                       "isTest", "idempotencyKey", "createdById", "createdAt", "completedAt")
     SELECT 'bt_' || n, '${ws}', CASE WHEN n % 2 = 0 THEN 'TOPUP' ELSE 'CHARGE' END::"TransactionType", 'COMPLETED',
            CASE WHEN n % 2 = 0 THEN 1000 ELSE -500 END, 500 * n, 'USD', 'Bench transaction ' || n, 'demo', true, 'bench-' || n, '${o}',
            now() - make_interval(secs => (${s.transactions} - n) * 60), now() - make_interval(secs => (${s.transactions} - n) * 60)
     FROM generate_series(1, ${s.transactions}) n`,
  );
  await step("balance", `UPDATE "Workspace" SET "balanceMinor" = ${500 * s.transactions} WHERE id = '${ws}'`);
  // The user's other workspaces: with the personal one and the benchmark's, scale.workspaces in all.
  const others = s.workspaces - 2;
  await step(
    "workspaces",
    `INSERT INTO "Workspace" (id, name, slug, "updatedAt")
     SELECT 'bw_' || n, 'Other ' || lpad(n::text, 4, '0'), 'other-' || n, now() FROM generate_series(1, ${others}) n`,
  );
  await step(
    "workspaces",
    `INSERT INTO "Membership" (id, "userId", "workspaceId", role, "updatedAt")
     SELECT 'bwm_' || n, '${o}', 'bw_' || n, CASE WHEN n % 2 = 0 THEN 'DEVELOPER' ELSE 'ADMIN' END::"Role", now() FROM generate_series(1, ${others}) n`,
  );

  // A database in service has planner statistics and a visibility map: autovacuum makes them a minute or
  // so after a bulk load like this one. Without them the first runs would measure the planner's guesses
  // (it once took 20,000 events for 68 and sorted them all) and heap fetches an index-only scan avoids.
  await step("vacuumAnalyze", "VACUUM ANALYZE");
  // So that the checkpointer is not writing the bulk load out while the first targets are measured, as
  // pgbench checkpoints before a run (here it flushes in a fraction of a second: VACUUM wrote most of it).
  await step("checkpoint", "CHECKPOINT");

  // The owner's write key, for the API's list endpoints.
  const key = newApiKeySecret();
  await db.apiKey.create({ data: { workspaceId: ws, createdById: o, name: "bench", access: "WRITE", prefix: key.prefix, secretHash: key.secretHash } });
  // A developer's membership, whose role the server-action run flips back and forth.
  return { targetMembershipId: "bm_2", apiKeySecret: key.secret, steps };
}
