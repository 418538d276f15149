import type { WorkspaceActionContext } from "@/lib/authz/types";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { lockWorkspace } from "./lock";
import { sniffImageType } from "./logo";
import { LOGO_MAX_BYTES } from "./schemas";

type Ctx = WorkspaceActionContext;

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
    if (isUniqueViolation(error)) throw Refusal.field("slug", "This slug is taken; choose another");
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

export async function setLogo(ctx: Ctx, file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > LOGO_MAX_BYTES) throw Refusal.field("logo", "Use an image of at most 1 MB");
  const type = sniffImageType(bytes);
  if (!type) throw Refusal.field("logo", "That file is not a PNG, JPEG or WebP image");
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

/** What stands in the way of deleting the workspace; empty when nothing does. */
export async function deletionBlockers(client: Ctx["tx"], workspaceId: string): Promise<string[]> {
  const [projects, servers, instances, secrets] = await Promise.all([
    client.project.count({ where: { workspaceId } }),
    client.server.count({ where: { workspaceId } }),
    client.instance.count({ where: { workspaceId } }),
    client.secret.count({ where: { workspaceId } }),
  ]);
  return [
    instances ? `${instances} instance(s)` : "",
    projects ? `${projects} project(s)` : "",
    servers ? `${servers} server(s)` : "",
    secrets ? `${secrets} secret(s)` : "",
  ].filter(Boolean);
}

export async function deleteWorkspace(ctx: Ctx, confirmSlug: string) {
  const workspace = await lockWorkspace(ctx.tx, ctx.workspace.id);
  if (workspace.kind === "PERSONAL") throw new Refusal("FORBIDDEN", "A personal workspace can't be deleted.");
  if (confirmSlug.toLowerCase() !== workspace.slug) throw Refusal.field("confirmSlug", `Type ${workspace.slug} to confirm`);
  const blockers = await deletionBlockers(ctx.tx, workspace.id);
  if (blockers.length > 0) throw new Refusal("CONFLICT", `Delete these first: ${blockers.join(", ")}.`);
  await ctx.tx.workspace.delete({ where: { id: workspace.id } });
  // The workspace's own log goes with it, so the deletion is recorded where its owner keeps one.
  const personal = await ctx.tx.workspace.findUnique({ where: { personalOwnerId: ctx.user.id }, select: { id: true } });
  if (personal) {
    await recordAudit(ctx.tx, {
      workspaceId: personal.id,
      actorId: ctx.user.id,
      action: "workspace.deleted",
      targetType: "workspace",
      targetId: workspace.id,
      metadata: { slug: workspace.slug, name: ctx.workspace.name },
      ip: ctx.ip,
    });
  }
}
