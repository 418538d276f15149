import type { Db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { createAccount } from "@/lib/accounts/service";
import { createWorkspace } from "@/lib/workspaces/service";
import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { secretContext } from "@/lib/secrets/service";
import type { Environment } from "@/generated/prisma/enums";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS = [
  { name: "Dana Demo", email: "demo@example.com" },
  { name: "Alice Archer", email: "alice@example.com" },
  { name: "Bob Baker", email: "bob@example.com" },
  { name: "Carol Chen", email: "carol@example.com" },
  { name: "Dev Patel", email: "dev@example.com" },
  { name: "Erin Evans", email: "erin@example.com" },
  // Made a platform operator by `npm run operator -- grant ops@example.com` (the demo and e2e do):
  // reviews quota requests at /admin/quota-requests.
  { name: "Olga Ops", email: "ops@example.com" },
] as const;

type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

const DEMO_WORKSPACES: {
  name: string;
  slug: string;
  kind: "PROJECT" | "ENVIRONMENT";
  stage?: "DEVELOPMENT" | "STAGING" | "PRODUCTION";
  owner: DemoEmail;
  members: [DemoEmail, Role][];
}[] = [
  {
    name: "Acme Consulting",
    slug: "acme",
    kind: "PROJECT",
    owner: "demo@example.com",
    members: [["alice@example.com", "ADMIN"], ["carol@example.com", "DEVELOPER"], ["erin@example.com", "VIEWER"]],
  },
  {
    name: "Beta Studios",
    slug: "beta-studios",
    kind: "PROJECT",
    owner: "alice@example.com",
    members: [["demo@example.com", "ADMIN"], ["bob@example.com", "DEVELOPER"], ["dev@example.com", "VIEWER"]],
  },
  {
    name: "Gamma Co.",
    slug: "gamma",
    kind: "ENVIRONMENT",
    stage: "PRODUCTION",
    owner: "bob@example.com",
    members: [["demo@example.com", "DEVELOPER"], ["carol@example.com", "ADMIN"], ["erin@example.com", "VIEWER"]],
  },
];

/** Loads the demo accounts and workspaces once; a second run finds the demo account and does nothing. */
export async function seedDemoData(db: Db): Promise<{ created: boolean }> {
  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[0].email }, select: { id: true } })) {
    return { created: false };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      const ids = new Map<string, string>();
      for (const account of DEMO_ACCOUNTS) {
        // The demo's people are as if they had long since confirmed their addresses.
        const user = await createAccount(tx, { ...account, passwordHash, emailVerifiedAt: new Date() });
        ids.set(account.email, user.id);
      }
      for (const spec of DEMO_WORKSPACES) {
        const ownerId = ids.get(spec.owner)!;
        const workspace = await createWorkspace(tx, { userId: ownerId, ip: null }, spec);
        for (const [email, role] of spec.members) {
          const membership = await tx.membership.create({
            data: { workspaceId: workspace.id, userId: ids.get(email)!, role },
          });
          await recordAudit(tx, {
            workspaceId: workspace.id,
            actorId: ownerId,
            action: "member.added",
            targetType: "membership",
            targetId: membership.id,
            metadata: { email, role, source: "demo-seed" },
          });
        }
      }
      // The demo account starts in the workspace it owns, so the first screen shows an owner's view.
      const acme = await tx.workspace.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } });
      await seedAcmeResources(tx, acme.id);
      await seedGammaResources(tx, ids.get("demo@example.com")!);
      await tx.user.update({ where: { id: ids.get("demo@example.com")! }, data: { defaultWorkspaceId: acme.id } });
    },
    { timeout: 60_000 },
  );
  return { created: true };
}

/**
 * Gamma gets one instance the demo account (a developer there) can see through a grant for its logs,
 * but not restart: where "Request access" is met, and what its browser test walks.
 */
async function seedGammaResources(tx: Tx, demoUserId: string) {
  const gamma = await tx.workspace.findUniqueOrThrow({ where: { slug: "gamma" }, select: { id: true } });
  const workspaceId = gamma.id;
  const shop = await tx.project.create({ data: { workspaceId, name: "shop", repositoryUrl: "https://github.com/gamma/shop", branches: ["main"] } });
  const server = await tx.server.create({ data: { workspaceId, name: "gamma-app-1", region: "eu-central-1", address: "10.0.3.10" } });
  await tx.instance.create({
    data: { workspaceId, name: "shop-prod", projectId: shop.id, serverId: server.id, environment: "PRODUCTION", settings: { replicas: 2, memoryMb: 512, autoRestart: true } },
  });
  const demo = await tx.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId, userId: demoUserId } }, select: { id: true } });
  await tx.memberGrant.create({ data: { membershipId: demo.id, actions: ["logs.view"], projectIds: [shop.id] } });
}

const LOG_LINES = [
  ["APPLICATION", "info", "Listening on :8080"],
  ["APPLICATION", "info", "GET /health 200 2ms"],
  ["APPLICATION", "warn", "Slow query on orders (812 ms)"],
  ["DEPLOYMENT", "info", "Build 142 started"],
  ["DEPLOYMENT", "info", "Build 142 deployed"],
] as const;

/** Acme gets projects, servers and instances, so the permission screens have something to govern. */
async function seedAcmeResources(tx: Tx, workspaceId: string) {
  const web = await tx.project.create({
    data: { workspaceId, name: "web", repositoryUrl: "https://github.com/acme/web", branches: ["main", "develop", "feature-login"] },
  });
  const api = await tx.project.create({
    data: { workspaceId, name: "api", repositoryUrl: "https://github.com/acme/api", branches: ["main", "release"] },
  });
  const eu = await tx.server.create({ data: { workspaceId, name: "eu-app-1", region: "eu-west-1", address: "10.0.1.10" } });
  const us = await tx.server.create({ data: { workspaceId, name: "us-app-1", region: "us-east-1", address: "10.0.2.10" } });
  const specs: [string, string, string, Environment][] = [
    ["web-dev", web.id, eu.id, "DEVELOPMENT"],
    ["web-staging", web.id, eu.id, "STAGING"],
    ["web-prod", web.id, us.id, "PRODUCTION"],
    ["api-dev", api.id, eu.id, "DEVELOPMENT"],
    ["api-prod", api.id, us.id, "PRODUCTION"],
  ];
  for (const [name, projectId, serverId, environment] of specs) {
    const instance = await tx.instance.create({
      data: { workspaceId, name, projectId, serverId, environment, settings: { replicas: environment === "PRODUCTION" ? 3 : 1, memoryMb: 512, autoRestart: true } },
    });
    await tx.logEntry.createMany({
      data: LOG_LINES.map(([kind, level, message]) => ({ instanceId: instance.id, kind, level, message })),
    });
  }
  await tx.team.create({ data: { workspaceId, name: "On-call" } });
  await tx.workspace.update({ where: { id: workspaceId }, data: { balanceMinor: 10_000 } });
  await tx.billingTransaction.create({
    data: {
      workspaceId,
      type: "TOPUP",
      amountMinor: 10_000,
      balanceAfterMinor: 10_000,
      currency: "USD",
      description: "Welcome credit (demo provider, test money)",
      provider: "demo",
      isTest: true,
      idempotencyKey: "demo-seed-welcome-credit",
      completedAt: new Date(),
    },
  });
  const value = "postgres://acme:demo-only@db.internal/acme";
  await tx.secret.create({
    data: {
      workspaceId,
      environment: "PRODUCTION",
      name: "DATABASE_URL",
      ciphertext: encryptSecret(value, secretContext(workspaceId, "PRODUCTION", "DATABASE_URL")),
      hint: secretHint(value),
    },
  });
}
