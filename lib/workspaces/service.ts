import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { PLAN_CAPS } from "@/lib/billing/plans";
import type { Role, WorkspaceKind, WorkspaceStage } from "@/generated/prisma/enums";
import type { WorkspaceContext } from "@/lib/authz/types";
import { resourceCountsSql } from "@/lib/resources/queries";
import { RESERVED_SLUGS, SLUG_MAX, slugify, slugProblem } from "./slug";

export interface WorkspaceListItem {
  id: string;
  name: string;
  slug: string;
  logoType: string | null;
  logoUpdatedAt: Date | null;
  kind: WorkspaceKind;
  stage: WorkspaceStage | null;
  role: Role;
  isDefault: boolean;
}

/** Every workspace the user belongs to with their role: personal first, then by name. One round trip. */
export async function listWorkspacesForUser(userId: string): Promise<WorkspaceListItem[]> {
  const rows = await db().$queryRaw<(Omit<WorkspaceListItem, "logoUpdatedAt"> & { logoUpdatedAt: Date | string | null })[]>`
    SELECT w.id, w.name, w.slug, w.kind::text AS kind, w.stage::text AS stage, w."logoType", w."logoUpdatedAt",
      m.role::text AS role, (u."defaultWorkspaceId" = w.id) AS "isDefault"
    FROM "Membership" m
    JOIN "Workspace" w ON w.id = m."workspaceId"
    JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = ${userId}
    ORDER BY (w.kind = 'PERSONAL') DESC, w.name ASC`;
  return rows.map((r) => ({ ...r, isDefault: Boolean(r.isDefault), logoUpdatedAt: r.logoUpdatedAt ? new Date(r.logoUpdatedAt) : null }));
}

/**
 * Where a signed-in user lands: their default workspace while they still belong to it, else their
 * personal one, else any workspace they belong to (null only for an account with none).
 */
export async function landingWorkspaceSlug(userId: string): Promise<string | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      defaultWorkspaceId: true,
      personalWorkspace: { select: { slug: true } },
      memberships: { select: { workspace: { select: { id: true, slug: true } } }, take: 1000 },
    },
  });
  if (!user) return null;
  const byId = new Map(user.memberships.map((m) => [m.workspace.id, m.workspace.slug]));
  if (user.defaultWorkspaceId && byId.has(user.defaultWorkspaceId)) return byId.get(user.defaultWorkspaceId)!;
  return user.personalWorkspace?.slug ?? user.memberships[0]?.workspace.slug ?? null;
}

export async function createWorkspace(
  tx: Tx,
  actor: { id: string; ip?: string | null },
  input: { name: string; slug: string; kind: "PROJECT" | "ENVIRONMENT"; stage?: WorkspaceStage },
) {
  await assertMayOwnAnother(tx, actor.id);
  // A slug that is another workspace's old alias is free to claim; the old links stop redirecting.
  await tx.workspaceSlugAlias.deleteMany({ where: { slug: input.slug } });
  let workspace;
  try {
    workspace = await tx.workspace.create({
      data: {
        name: input.name,
        slug: input.slug,
        kind: input.kind,
        stage: input.kind === "ENVIRONMENT" ? input.stage : null,
        memberships: { create: { userId: actor.id, role: "OWNER" } },
      },
      select: { id: true, slug: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw Refusal.field("slug", "This slug is taken; choose another");
    throw error;
  }
  await recordAudit(tx, {
    workspaceId: workspace.id,
    actorId: actor.id,
    action: "workspace.created",
    targetType: "workspace",
    targetId: workspace.id,
    metadata: { name: workspace.name, slug: workspace.slug, kind: input.kind },
    ip: actor.ip,
  });
  return workspace;
}

/**
 * How many workspaces a user may own comes from the plan of their personal workspace. The user row
 * is locked so two concurrent creates cannot both take the last one.
 */
async function assertMayOwnAnother(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const [personal, owned] = await Promise.all([
    tx.workspace.findUnique({ where: { personalOwnerId: userId }, select: { plan: true } }),
    tx.membership.count({ where: { userId, role: "OWNER", workspace: { kind: { not: "PERSONAL" } } } }),
  ]);
  const cap = PLAN_CAPS[personal?.plan ?? "FREE"].ownedWorkspaces;
  if (owned >= cap) {
    throw new Refusal("LIMIT", `You own ${owned} workspaces, the most your ${PLAN_CAPS[personal?.plan ?? "FREE"].label} plan allows. Upgrade your personal workspace's plan to own more.`);
  }
}

/** The personal workspace made at sign-up: owned by the user, their default, never deletable. */
export async function createPersonalWorkspace(tx: Tx, user: { id: string; name: string; email: string }) {
  const slug = await freePersonalSlug(tx, user);
  const workspace = await tx.workspace.create({
    data: {
      name: "Personal",
      slug,
      kind: "PERSONAL",
      personalOwnerId: user.id,
      memberships: { create: { userId: user.id, role: "OWNER" } },
    },
    select: { id: true, slug: true },
  });
  await tx.user.update({ where: { id: user.id }, data: { defaultWorkspaceId: workspace.id } });
  await recordAudit(tx, {
    workspaceId: workspace.id,
    actorId: user.id,
    action: "workspace.created",
    targetType: "workspace",
    targetId: workspace.id,
    metadata: { name: "Personal", slug, kind: "PERSONAL" },
  });
  return workspace;
}

// A failed insert would abort the surrounding transaction, so candidates are checked up front.
async function freePersonalSlug(tx: Tx, user: { name: string; email: string }): Promise<string> {
  let base = slugify(user.name) || slugify(user.email.split("@")[0] ?? "");
  if (base.length < 3) base = `${base}-space`.replace(/^-/, "");
  base = base.slice(0, SLUG_MAX - 5).replace(/-+$/, "");
  const candidates = [base, ...Array.from({ length: 4 }, () => `${base}-${randomBytes(2).toString("hex")}`)].filter(
    (slug) => slugProblem(slug) === null && !RESERVED_SLUGS.has(slug),
  );
  const taken = await tx.workspace.findMany({ where: { slug: { in: candidates } }, select: { slug: true } });
  const takenSet = new Set(taken.map((w) => w.slug));
  return candidates.find((slug) => !takenSet.has(slug)) ?? `space-${randomBytes(6).toString("hex")}`;
}

export async function setDefaultWorkspace(tx: Tx, userId: string, workspaceId: string) {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { id: true },
  });
  if (!membership) throw Refusal.notFound("That workspace");
  await tx.user.update({ where: { id: userId }, data: { defaultWorkspaceId: workspaceId } });
}

export async function workspaceOverview(ctx: WorkspaceContext) {
  const workspaceId = ctx.workspace.id;
  const [row] = await db().$queryRaw<
    {
      membersByRole: Partial<Record<Role, number>> | null;
      recentEvents: { id: string; action: string; createdAt: string; actorName: string | null }[] | null;
      resources: { projects: number; servers: number; instances: number };
    }[]
  >`
    SELECT
      (SELECT json_object_agg(r.role, r.n) FROM (
         SELECT role::text AS role, count(*)::int AS n FROM "Membership" WHERE "workspaceId" = ${workspaceId} GROUP BY role) r) AS "membersByRole",
      (SELECT json_agg(x ORDER BY x."createdAt" DESC, x.id DESC) FROM (
         SELECT e.id, e.action, e."createdAt", u.name AS "actorName"
         FROM (SELECT * FROM "AuditEvent" WHERE "workspaceId" = ${workspaceId} ORDER BY "createdAt" DESC, id DESC LIMIT 5) e
         LEFT JOIN "User" u ON u.id = e."actorId") x) AS "recentEvents",
      ${resourceCountsSql(ctx)} AS resources`;
  const membersByRole = row?.membersByRole ?? {};
  const memberCount = Object.values(membersByRole).reduce((sum, n) => sum + (n ?? 0), 0);
  const recentEvents = (row?.recentEvents ?? []).map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
  return { memberCount, membersByRole, recentEvents, resources: row?.resources ?? { projects: 0, servers: 0, instances: 0 } };
}
