import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createAccount } from "@/lib/accounts/service";
import { newApiKeySecret } from "@/lib/api-keys/token";

export const BENCH_USER = { email: "bench@example.com", password: "bench-password", name: "Bench Owner" };
export const BENCH_SLUG = "bench-ws";

const ACTIONS = ["member.role_changed", "instance.restarted", "invitation.created", "project.created", "backup.created", "workspace.updated"];
const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
const id = () => `b${randomBytes(11).toString("hex")}`;

/**
 * The benchmark's workspace: 2,000 members, 300 pending invitations, 500 instances across 50 projects
 * and 20,000 audit events; the benchmark user belongs to 50 workspaces in all.
 */
export async function seedLargeWorkspace(db: Db): Promise<{ targetMembershipId: string; apiKeySecret: string }> {
  const passwordHash = await hashPassword(BENCH_USER.password);
  const owner = await db.$transaction((tx) => createAccount(tx, { name: BENCH_USER.name, email: BENCH_USER.email, passwordHash, emailVerifiedAt: new Date() }));
  const workspace = await db.workspace.create({
    data: { name: "Bench Workspace", slug: BENCH_SLUG, plan: "ENTERPRISE", memberships: { create: { userId: owner.id, role: "OWNER" } } },
  });

  const users = Array.from({ length: 2000 }, (_, i) => ({ id: id(), name: `Member ${i}`, email: `member${i}@bench.example`, passwordHash: "!" }));
  for (const part of chunks(users, 1000)) await db.user.createMany({ data: part });
  const roles = ["ADMIN", "DEVELOPER", "DEVELOPER", "VIEWER"] as const;
  const memberships = users.map((u, i) => ({ id: id(), userId: u.id, workspaceId: workspace.id, role: roles[i % roles.length]! }));
  for (const part of chunks(memberships, 1000)) await db.membership.createMany({ data: part });

  await db.invitation.createMany({
    data: Array.from({ length: 300 }, (_, i) => ({
      workspaceId: workspace.id,
      email: `invitee${i}@bench.example`,
      role: "VIEWER" as const,
      tokenHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      invitedById: owner.id,
      lastSentAt: new Date(),
    })),
  });

  const projects = Array.from({ length: 50 }, (_, i) => ({ id: id(), workspaceId: workspace.id, name: `project-${i}`, repositoryUrl: `https://example.test/p${i}`, branches: ["main", "develop"] }));
  await db.project.createMany({ data: projects });
  const servers = Array.from({ length: 10 }, (_, i) => ({ id: id(), workspaceId: workspace.id, name: `server-${i}`, region: "eu-west-1", address: `10.0.0.${i + 1}` }));
  await db.server.createMany({ data: servers });
  const envs = ["DEVELOPMENT", "STAGING", "PRODUCTION"] as const;
  await db.instance.createMany({
    data: Array.from({ length: 500 }, (_, i) => ({
      workspaceId: workspace.id,
      name: `instance-${String(i).padStart(3, "0")}`,
      projectId: projects[i % 50]!.id,
      serverId: servers[i % 10]!.id,
      environment: envs[i % 3]!,
      settings: { replicas: 1, memoryMb: 512, autoRestart: true },
    })),
  });

  const start = Date.now() - 30 * 86_400_000;
  const events = Array.from({ length: 20_000 }, (_, i) => ({
    workspaceId: workspace.id,
    actorId: users[i % users.length]!.id,
    action: ACTIONS[i % ACTIONS.length]!,
    targetType: "membership",
    targetId: memberships[i % memberships.length]!.id,
    metadata: { n: i },
    ip: "127.0.0.1",
    createdAt: new Date(start + i * 120_000),
  }));
  for (const part of chunks(events, 2500)) await db.auditEvent.createMany({ data: part });

  // 48 more workspaces (with the personal one, 50), so the switcher carries a realistic list.
  for (let i = 0; i < 48; i++) {
    await db.workspace.create({
      data: { name: `Other ${i}`, slug: `other-${i}-${randomBytes(2).toString("hex")}`, memberships: { create: { userId: owner.id, role: i % 2 ? "ADMIN" : "DEVELOPER" } } },
    });
  }
  // A database in service has planner statistics: autovacuum gathers them a minute or so after a bulk
  // load like this one. Without them the first runs would measure the planner's guesses (it took the
  // 20,000 events for 68 and sorted them all), not the pages.
  await db.$executeRawUnsafe("ANALYZE");
  // The owner's write key, for the API's list endpoints.
  const key = newApiKeySecret();
  await db.apiKey.create({ data: { workspaceId: workspace.id, createdById: owner.id, name: "bench", access: "WRITE", prefix: key.prefix, secretHash: key.secretHash } });
  return { targetMembershipId: memberships.find((m) => m.role === "DEVELOPER")!.id, apiKeySecret: key.secret };
}
