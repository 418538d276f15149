import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/authz/types";
import type { PermissionKey } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors";
import { isRecordId } from "@/lib/schemas";

type Client = Tx;

/**
 * Resources are always loaded by (id, workspaceId); one outside the workspace or outside the
 * caller's allow-lists answers exactly as one that does not exist. A visible resource the caller may
 * not act on is refused with a message. An id that could name no row (a page's path segment with NUL
 * or 10,000 characters) is not looked up: it is as missing as any other.
 */
export async function instanceFor(ctx: WorkspaceContext, id: string, key?: PermissionKey, client: Client = db()) {
  if (!isRecordId(id)) throw Refusal.notFound("That instance");
  const instance = await client.instance.findFirst({
    where: { id, workspaceId: ctx.workspace.id },
    include: { project: { select: { id: true, name: true } }, server: { select: { id: true, name: true, address: true, region: true } } },
  });
  const ref = instance && ({ kind: "instance", id: instance.id, projectId: instance.projectId } as const);
  if (!instance || !ctx.canSee(ref!)) throw Refusal.notFound("That instance");
  if (key && !ctx.canOn(key, ref!)) throw new Refusal("FORBIDDEN", FORBIDDEN_MESSAGE[key] ?? "You don't have permission to do that.").missing(key);
  return instance;
}

export async function projectFor(ctx: WorkspaceContext, id: string, key?: PermissionKey, client: Client = db()) {
  if (!isRecordId(id)) throw Refusal.notFound("That project");
  const project = await client.project.findFirst({ where: { id, workspaceId: ctx.workspace.id } });
  if (!project || !ctx.canSee({ kind: "project", id: project.id })) throw Refusal.notFound("That project");
  if (key && !ctx.canOn(key, { kind: "project", id: project.id })) {
    throw new Refusal("FORBIDDEN", FORBIDDEN_MESSAGE[key] ?? "You don't have permission to do that.").missing(key);
  }
  return project;
}

export async function serverFor(ctx: WorkspaceContext, id: string, client: Client = db()) {
  if (!isRecordId(id)) throw Refusal.notFound("That server");
  const server = await client.server.findFirst({ where: { id, workspaceId: ctx.workspace.id } });
  if (!server || !ctx.canSee({ kind: "server", id: server.id })) throw Refusal.notFound("That server");
  return server;
}

/** A backup belongs to the workspace through its instance; both must be visible. */
export async function backupFor(ctx: WorkspaceContext, id: string, key: PermissionKey, client: Client = db()) {
  if (!isRecordId(id)) throw Refusal.notFound("That backup");
  const backup = await client.backup.findFirst({
    where: { id, instance: { workspaceId: ctx.workspace.id } },
    select: { id: true, label: true, instanceId: true, content: true, sizeBytes: true, createdAt: true },
  });
  if (!backup) throw Refusal.notFound("That backup");
  const instance = await instanceFor(ctx, backup.instanceId, key, client);
  return { backup, instance };
}

const FORBIDDEN_MESSAGE: Partial<Record<PermissionKey, string>> = {
  "instances.restart": "You don't have permission to restart this instance.",
  "instances.stop": "You don't have permission to stop or start this instance.",
  "instances.delete": "You don't have permission to delete this instance.",
  "instances.connect": "You don't have permission to connect to this instance.",
  "instances.settings": "You don't have permission to change this instance's settings.",
  "backups.manage": "You don't have permission to manage this instance's backups.",
  "logs.view": "You don't have permission to view this instance's logs.",
  "ide.use": "You don't have permission to use the web IDE on this instance.",
  "projects.merge": "You don't have permission to merge branches in this project.",
};
