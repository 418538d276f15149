import { randomBytes } from "node:crypto";
import type { Actor, WorkspaceActionContext } from "@/lib/authz/types";
import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { recordAudit } from "@/lib/audit";
import { PLAN_CAPS } from "@/lib/billing/plans";
import type { WorkspaceStage } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { lockUser, lockWorkspace } from "./lock";
import { sniffImageType } from "./logo";
import { deletionBlockers } from "./queries";
import { purgeAfterFor } from "./retention";
import { LOGO_MAX_BYTES } from "./schemas";
import { RESERVED_SLUGS, SLUG_MAX, slugify, slugProblem } from "./slug";

type Ctx = WorkspaceActionContext;

export async function createWorkspace(
  tx: Tx,
  actor: Actor,
  input: { name: string; slug: string; kind: "PROJECT" | "ENVIRONMENT"; stage?: WorkspaceStage },
) {
  await assertMayOwnAnother(tx, actor.userId);
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
        memberships: { create: { userId: actor.userId, role: "OWNER" } },
      },
      select: { id: true, slug: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw Refusal.field("slug", messageKey("errors.workspaces.slugTaken"));
    throw error;
  }
  await recordAudit(tx, {
    workspaceId: workspace.id,
    actorId: actor.userId,
    action: "workspace.created",
    targetType: "workspace",
    targetId: workspace.id,
    metadata: { name: workspace.name, slug: workspace.slug, kind: input.kind },
    ip: actor.ip,
  });
  return workspace;
}

/**
 * How many workspaces a user may own comes from the plan of their personal workspace, whether they
 * create one or receive one by a transfer. The user row is locked so two concurrent creates or
 * transfers cannot both take the last one. `recipientName` words the refusal for a transfer.
 */
export async function assertMayOwnAnother(tx: Tx, userId: string, recipientName?: string) {
  await lockUser(tx, userId);
  const [personal, owned] = await Promise.all([
    tx.workspace.findUnique({ where: { personalOwnerId: userId }, select: { plan: true } }),
    // A deleted workspace does not count (restoring it asks again).
    tx.membership.count({ where: { userId, role: "OWNER", workspace: { kind: { not: "PERSONAL" }, deletedAt: null } } }),
  ]);
  const cap = PLAN_CAPS[personal?.plan ?? "FREE"].ownedWorkspaces;
  if (owned >= cap) {
    const plan = PLAN_CAPS[personal?.plan ?? "FREE"].label;
    throw new Refusal(
      "LIMIT",
      recipientName
        ? messageKey("errors.workspaces.ownLimitRecipient", { name: recipientName, count: owned, plan })
        : messageKey("errors.workspaces.ownLimit", { count: owned, plan }),
    );
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
    select: { workspace: { select: { deletedAt: true } } },
  });
  if (!membership || membership.workspace.deletedAt) throw new Refusal("NOT_FOUND", messageKey("errors.workspaces.notFound"));
  await tx.user.update({ where: { id: userId }, data: { defaultWorkspaceId: workspaceId } });
}

export async function updateGeneral(ctx: Ctx, input: { name: string; description: string }) {
  await ctx.tx.workspace.update({ where: { id: ctx.workspace.id }, data: input });
  await ctx.audit({
    action: "workspace.updated",
    targetType: "workspace",
    targetId: ctx.workspace.id,
    metadata: { before: { name: ctx.workspace.name, description: ctx.workspace.description }, after: input },
  });
}

/**
 * The old slug becomes an alias that keeps old links working (308) until another workspace claims
 * it; taking a slug that is someone's alias claims it.
 */
export async function renameSlug(ctx: Ctx, slug: string) {
  const old = ctx.workspace.slug;
  if (slug === old) return { slug };
  await ctx.tx.workspaceSlugAlias.deleteMany({ where: { slug } });
  try {
    await ctx.tx.workspace.update({ where: { id: ctx.workspace.id }, data: { slug } });
  } catch (error) {
    if (isUniqueViolation(error)) throw Refusal.field("slug", messageKey("errors.workspaces.slugTaken"));
    throw error;
  }
  await ctx.tx.workspaceSlugAlias.upsert({ where: { slug: old }, create: { slug: old, workspaceId: ctx.workspace.id }, update: { workspaceId: ctx.workspace.id } });
  await ctx.audit({ action: "workspace.slug_changed", targetType: "workspace", targetId: ctx.workspace.id, metadata: { from: old, to: slug } });
  return { slug };
}

export async function setColor(ctx: Ctx, color: string | null) {
  await ctx.tx.workspace.update({ where: { id: ctx.workspace.id }, data: { color } });
  await ctx.audit({ action: "workspace.color_changed", targetType: "workspace", targetId: ctx.workspace.id, metadata: { color } });
}

/**
 * Whether members must have two-factor authentication on to open the workspace. Whoever turns it on must
 * have it on themselves: otherwise the next request would lock them out of the page they are on.
 */
export async function setRequireTwoFactor(ctx: Ctx, required: boolean) {
  if (required && !ctx.user.twoFactorEnabled) {
    throw new Refusal("CONFLICT", messageKey("errors.workspaces.twoFactorSelfFirst")).withHelp({
      label: messageKey("errors.workspaces.twoFactorSetUp"),
      href: "/account",
    });
  }
  if (required === ctx.workspace.requireTwoFactor) return;
  await ctx.tx.workspace.update({ where: { id: ctx.workspace.id }, data: { requireTwoFactor: required } });
  await ctx.audit({ action: required ? "workspace.two_factor_required" : "workspace.two_factor_optional", targetType: "workspace", targetId: ctx.workspace.id });
}

export async function setLogo(ctx: Ctx, file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > LOGO_MAX_BYTES) throw Refusal.field("logo", messageKey("validation.workspaces.logoTooLarge"));
  const type = sniffImageType(bytes);
  if (!type) throw Refusal.field("logo", messageKey("errors.workspaces.logoNotImage"));
  await ctx.tx.workspace.update({
    where: { id: ctx.workspace.id },
    data: { logo: bytes, logoType: type, logoUpdatedAt: new Date() },
  });
  await ctx.audit({ action: "workspace.logo_changed", targetType: "workspace", targetId: ctx.workspace.id, metadata: { type, bytes: bytes.length } });
}

export async function removeLogo(ctx: Ctx) {
  await ctx.tx.workspace.update({ where: { id: ctx.workspace.id }, data: { logo: null, logoType: null, logoUpdatedAt: new Date() } });
  await ctx.audit({ action: "workspace.logo_removed", targetType: "workspace", targetId: ctx.workspace.id });
}

/**
 * Deletion can be undone: the workspace is marked deleted and kept until `purgeAfter`
 * (WORKSPACE_RESTORE_DAYS, default 14), when `purgeDeletedWorkspaces` (purge.ts) deletes it for good.
 * From this commit nobody can open it (pages, actions and routes answer not found; its API keys 401),
 * and its slug stays taken because the row stays. In the same transaction its unanswered invitations
 * and its API keys are revoked (a restore does not bring them back), and members who had it as their
 * default land in their personal workspace again.
 */
export async function deleteWorkspace(ctx: Ctx, confirmSlug: string) {
  const workspace = await lockWorkspace(ctx.tx, ctx.workspace.id);
  if (workspace.kind === "PERSONAL") throw new Refusal("FORBIDDEN", messageKey("errors.workspaces.personalUndeletable"));
  if (confirmSlug.toLowerCase() !== workspace.slug) throw Refusal.field("confirmSlug", messageKey("validation.workspaces.typeSlug", { slug: workspace.slug }));
  const blockers = await deletionBlockers(ctx.tx, workspace.id);
  if (blockers.length > 0) {
    const counts = { instances: 0, projects: 0, servers: 0, secrets: 0 };
    for (const blocker of blockers) counts[blocker.kind] = blocker.count;
    throw new Refusal("CONFLICT", messageKey("errors.workspaces.deletionBlocked", counts));
  }
  const now = new Date();
  const purgeAfter = purgeAfterFor(now);
  await ctx.tx.workspace.update({ where: { id: workspace.id }, data: { deletedAt: now, purgeAfter } });
  // Pending and expired ones alike: an expired invitation could otherwise be resent after a restore.
  const invitations = await ctx.tx.invitation.updateMany({
    where: { workspaceId: workspace.id, acceptedAt: null, revokedAt: null, declinedAt: null },
    data: { revokedAt: now },
  });
  const apiKeys = await ctx.tx.apiKey.updateMany({ where: { workspaceId: workspace.id, revokedAt: null }, data: { revokedAt: now } });
  // A null default falls back to the personal workspace (landingWorkspaceSlug), as for one that is gone.
  await ctx.tx.user.updateMany({ where: { defaultWorkspaceId: workspace.id }, data: { defaultWorkspaceId: null } });
  const metadata = {
    slug: workspace.slug,
    name: workspace.name,
    purgeAfter: purgeAfter.toISOString(),
    revokedInvitations: invitations.count,
    revokedApiKeys: apiKeys.count,
  };
  await ctx.audit({ action: "workspace.deleted", targetType: "workspace", targetId: workspace.id, metadata });
  // The workspace's own log goes with it when it is purged, so the deletion is also recorded where its
  // owner keeps one.
  await recordInPersonalLog(ctx.tx, ctx.user.id, {
    actorId: ctx.actor.userId,
    action: "workspace.deleted",
    targetId: workspace.id,
    metadata,
    ip: ctx.actor.ip,
  });
  return { purgeAfter };
}

/**
 * Undoes a deletion before its purge. The workspace cannot be opened, so this is a user-scope action:
 * the caller's role is read here, under the workspace's lock, and only its OWNER may restore it
 * (anyone else, and a workspace that does not exist or is already purged, answer not found). What the
 * deletion revoked (invitations, API keys) stays revoked.
 */
export async function restoreWorkspace(tx: Tx, actor: Actor, workspaceId: string, now = new Date()) {
  // The role first, so nobody but the owner ever holds the row's lock; nothing changes an owner's role
  // while the workspace is deleted (it cannot be opened), so it still holds under the lock.
  const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: actor.userId } }, select: { role: true } });
  if (membership?.role !== "OWNER") throw new Refusal("NOT_FOUND", messageKey("errors.workspaces.deletedNotFound"));
  const rows = await tx.$queryRaw<{ id: string; name: string; slug: string; deletedAt: Date | string | null; purgeAfter: Date | string | null }[]>`
    SELECT id, name, slug, "deletedAt", "purgeAfter" FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
  const workspace = rows[0];
  // Purged meanwhile (its membership went with it).
  if (!workspace) throw new Refusal("NOT_FOUND", messageKey("errors.workspaces.deletedNotFound"));
  if (!workspace.deletedAt) throw new Refusal("CONFLICT", messageKey("errors.workspaces.notDeleted", { name: workspace.name }));
  const purgeAfter = workspace.purgeAfter ? new Date(workspace.purgeAfter) : null;
  if (!purgeAfter || purgeAfter.getTime() <= now.getTime()) {
    throw new Refusal("CONFLICT", messageKey("errors.workspaces.restorePeriodOver", { name: workspace.name }));
  }
  // Deleted workspaces do not count towards the plan's "workspaces you may own"; this one will again.
  await assertMayOwnAnother(tx, actor.userId);
  await tx.workspace.update({ where: { id: workspace.id }, data: { deletedAt: null, purgeAfter: null } });
  const metadata = { slug: workspace.slug, name: workspace.name, deletedAt: new Date(workspace.deletedAt).toISOString() };
  await recordAudit(tx, { workspaceId: workspace.id, actorId: actor.userId, action: "workspace.restored", targetType: "workspace", targetId: workspace.id, metadata, ip: actor.ip });
  await recordInPersonalLog(tx, actor.userId, { actorId: actor.userId, action: "workspace.restored", targetId: workspace.id, metadata, ip: actor.ip });
  return { slug: workspace.slug };
}

/** An event about a workspace recorded in its owner's personal workspace's log, which outlives it. */
export async function recordInPersonalLog(
  tx: Tx,
  ownerId: string,
  event: { actorId: string | null; action: string; targetId: string; metadata: Prisma.InputJsonObject; ip?: string | null },
) {
  const personal = await tx.workspace.findUnique({ where: { personalOwnerId: ownerId }, select: { id: true } });
  if (!personal) return;
  await recordAudit(tx, { workspaceId: personal.id, targetType: "workspace", ...event });
}
