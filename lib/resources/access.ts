import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/authz/types";
import type { PermissionKey } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { isRecordId } from "@/lib/schemas";

type Client = Tx;

/**
 * Resources are always loaded by (id, workspaceId); one outside the workspace or outside the
 * caller's allow-lists answers exactly as one that does not exist. A visible resource the caller may
 * not act on is refused with a message. An id that could name no row (a page's path segment with NUL
 * or 10,000 characters) is not looked up: it is as missing as any other.
 */
export async function instanceFor(ctx: WorkspaceContext, id: string, key?: PermissionKey, client: Client = db()) {
  if (!isRecordId(id)) throw new Refusal("NOT_FOUND", INSTANCE_NOT_FOUND);
  const instance = await client.instance.findFirst({
    where: { id, workspaceId: ctx.workspace.id },
    include: { project: { select: { id: true, name: true } }, server: { select: { id: true, name: true, address: true, region: true } } },
  });
  const ref = instance && ({ kind: "instance", id: instance.id, projectId: instance.projectId } as const);
  if (!instance || !ctx.canSee(ref!)) throw new Refusal("NOT_FOUND", INSTANCE_NOT_FOUND);
  if (key && !ctx.canOn(key, ref!)) throw new Refusal("FORBIDDEN", FORBIDDEN_MESSAGE[key] ?? FORBIDDEN).missing(key);
  return instance;
}

export async function projectFor(ctx: WorkspaceContext, id: string, key?: PermissionKey, client: Client = db()) {
  if (!isRecordId(id)) throw new Refusal("NOT_FOUND", PROJECT_NOT_FOUND);
  const project = await client.project.findFirst({ where: { id, workspaceId: ctx.workspace.id } });
  if (!project || !ctx.canSee({ kind: "project", id: project.id })) throw new Refusal("NOT_FOUND", PROJECT_NOT_FOUND);
  if (key && !ctx.canOn(key, { kind: "project", id: project.id })) {
    throw new Refusal("FORBIDDEN", FORBIDDEN_MESSAGE[key] ?? FORBIDDEN).missing(key);
  }
  return project;
}

export async function serverFor(ctx: WorkspaceContext, id: string, client: Client = db()) {
  if (!isRecordId(id)) throw new Refusal("NOT_FOUND", SERVER_NOT_FOUND);
  const server = await client.server.findFirst({ where: { id, workspaceId: ctx.workspace.id } });
  if (!server || !ctx.canSee({ kind: "server", id: server.id })) throw new Refusal("NOT_FOUND", SERVER_NOT_FOUND);
  return server;
}

/** A backup belongs to the workspace through its instance; both must be visible. */
export async function backupFor(ctx: WorkspaceContext, id: string, key: PermissionKey, client: Client = db()) {
  if (!isRecordId(id)) throw new Refusal("NOT_FOUND", BACKUP_NOT_FOUND);
  const backup = await client.backup.findFirst({
    where: { id, instance: { workspaceId: ctx.workspace.id } },
    select: { id: true, label: true, instanceId: true, content: true, sizeBytes: true, createdAt: true },
  });
  if (!backup) throw new Refusal("NOT_FOUND", BACKUP_NOT_FOUND);
  const instance = await instanceFor(ctx, backup.instanceId, key, client);
  return { backup, instance };
}

export const INSTANCE_NOT_FOUND = messageKey("errors.resources.instanceNotFound");
export const PROJECT_NOT_FOUND = messageKey("errors.resources.projectNotFound");
export const SERVER_NOT_FOUND = messageKey("errors.resources.serverNotFound");
export const BACKUP_NOT_FOUND = messageKey("errors.resources.backupNotFound");
const FORBIDDEN = messageKey("errors.resources.forbidden");

const FORBIDDEN_MESSAGE: Partial<Record<PermissionKey, string>> = {
  "instances.restart": messageKey("errors.resources.forbiddenRestart"),
  "instances.stop": messageKey("errors.resources.forbiddenStop"),
  "instances.delete": messageKey("errors.resources.forbiddenDelete"),
  "instances.connect": messageKey("errors.resources.forbiddenConnect"),
  "instances.settings": messageKey("errors.resources.forbiddenSettings"),
  "backups.manage": messageKey("errors.resources.forbiddenBackups"),
  "logs.view": messageKey("errors.resources.forbiddenLogs"),
  "ide.use": messageKey("errors.resources.forbiddenIde"),
  "projects.merge": messageKey("errors.resources.forbiddenMerge"),
};
