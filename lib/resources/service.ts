import type { WorkspaceActionContext } from "@/lib/authz/types";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { Environment, LogKind } from "@/generated/prisma/enums";
import { emitAlert } from "@/lib/alerting/rules";
import { enforceQuota } from "@/lib/quotas/service";
import { backupFor, instanceFor, projectFor, serverFor } from "./access";
import { DEFAULT_INSTANCE_SETTINGS, readInstanceSettings, type InstanceSettings } from "./schemas";
import { utcMinute } from "@/lib/dates";

type Ctx = WorkspaceActionContext;

async function log(ctx: Ctx, instanceId: string, kind: LogKind, message: string, level = "info") {
  await ctx.tx.logEntry.create({ data: { instanceId, kind, level, message } });
}

const NAME_TAKEN = {
  project: messageKey("errors.resources.projectNameTaken"),
  server: messageKey("errors.resources.serverNameTaken"),
  instance: messageKey("errors.resources.instanceNameTaken"),
};

function nameTaken(error: unknown, what: keyof typeof NAME_TAKEN): never {
  if (isUniqueViolation(error)) throw Refusal.field("name", NAME_TAKEN[what]);
  throw error;
}

export async function createProject(ctx: Ctx, input: { name: string; repositoryUrl: string; branches: string[] }) {
  await enforceQuota(ctx.tx, ctx.workspace.id, "PROJECTS");
  const project = await ctx.tx.project
    .create({ data: { workspaceId: ctx.workspace.id, ...input } })
    .catch((e: unknown) => nameTaken(e, "project"));
  await ctx.audit({ action: "project.created", targetType: "project", targetId: project.id, metadata: { name: project.name } });
  return { id: project.id };
}

export async function deleteProject(ctx: Ctx, projectId: string) {
  const project = await projectFor(ctx, projectId, undefined, ctx.tx);
  const instances = await ctx.tx.instance.count({ where: { projectId: project.id } });
  if (instances > 0) throw new Refusal("CONFLICT", messageKey("errors.resources.projectHasInstances", { count: instances }));
  await ctx.tx.project.delete({ where: { id: project.id } });
  await ctx.audit({ action: "project.deleted", targetType: "project", targetId: project.id, metadata: { name: project.name } });
}

export async function createServer(ctx: Ctx, input: { name: string; region: string; address: string }) {
  await enforceQuota(ctx.tx, ctx.workspace.id, "SERVERS");
  const server = await ctx.tx.server
    .create({ data: { workspaceId: ctx.workspace.id, ...input } })
    .catch((e: unknown) => nameTaken(e, "server"));
  await ctx.audit({ action: "server.created", targetType: "server", targetId: server.id, metadata: { name: server.name } });
  return { id: server.id };
}

export async function deleteServer(ctx: Ctx, serverId: string) {
  const server = await serverFor(ctx, serverId, ctx.tx);
  const instances = await ctx.tx.instance.count({ where: { serverId: server.id } });
  if (instances > 0) throw new Refusal("CONFLICT", messageKey("errors.resources.serverHasInstances", { count: instances }));
  await ctx.tx.server.delete({ where: { id: server.id } });
  await ctx.audit({ action: "server.deleted", targetType: "server", targetId: server.id, metadata: { name: server.name } });
}

export async function createInstance(
  ctx: Ctx,
  input: { name: string; projectId: string; serverId: string; environment: Environment },
) {
  // Both parents must be this workspace's: an id guessed from another workspace reads as not found.
  await Promise.all([projectFor(ctx, input.projectId, undefined, ctx.tx), serverFor(ctx, input.serverId, ctx.tx)]);
  await enforceQuota(ctx.tx, ctx.workspace.id, "INSTANCES");
  const instance = await ctx.tx.instance
    .create({ data: { workspaceId: ctx.workspace.id, ...input, settings: { ...DEFAULT_INSTANCE_SETTINGS } } })
    .catch((e: unknown) => nameTaken(e, "instance"));
  await log(ctx, instance.id, "DEPLOYMENT", `Instance created by ${ctx.user.name}`);
  await ctx.audit({ action: "instance.created", targetType: "instance", targetId: instance.id, metadata: { name: instance.name } });
  return { id: instance.id };
}

export async function restartInstance(ctx: Ctx, instanceId: string, mode: "soft" | "hard") {
  const instance = await instanceFor(ctx, instanceId, "instances.restart", ctx.tx);
  if (instance.status === "STOPPED") throw new Refusal("CONFLICT", messageKey("errors.resources.instanceStopped"));
  await ctx.tx.instance.update({ where: { id: instance.id }, data: { status: "RUNNING", lastRestartedAt: new Date() } });
  await log(ctx, instance.id, "APPLICATION", `${mode === "hard" ? "Hard" : "Soft"} restart by ${ctx.user.name}`, mode === "hard" ? "warn" : "info");
  await ctx.audit({ action: "instance.restarted", targetType: "instance", targetId: instance.id, metadata: { mode, name: instance.name } });
  await emitAlert(ctx.tx, ctx.workspace, { kind: "INSTANCE_RESTARTED", instance: instance.name, by: ctx.user.name });
  return { status: "RUNNING" as const };
}

export async function setInstanceRunning(ctx: Ctx, instanceId: string, running: boolean) {
  const instance = await instanceFor(ctx, instanceId, "instances.stop", ctx.tx);
  const target = running ? "RUNNING" : "STOPPED";
  if (instance.status === target) throw new Refusal("CONFLICT", running ? messageKey("errors.resources.alreadyRunning") : messageKey("errors.resources.alreadyStopped"));
  await ctx.tx.instance.update({ where: { id: instance.id }, data: { status: target } });
  await log(ctx, instance.id, "APPLICATION", `${running ? "Started" : "Stopped"} by ${ctx.user.name}`);
  await ctx.audit({ action: running ? "instance.started" : "instance.stopped", targetType: "instance", targetId: instance.id, metadata: { name: instance.name } });
  if (!running) await emitAlert(ctx.tx, ctx.workspace, { kind: "INSTANCE_STOPPED", instance: instance.name, by: ctx.user.name });
  return { status: target };
}

export async function deleteInstance(ctx: Ctx, instanceId: string) {
  const instance = await instanceFor(ctx, instanceId, "instances.delete", ctx.tx);
  if (instance.environment === "PRODUCTION") {
    throw new Refusal("FORBIDDEN", messageKey("errors.resources.productionDelete"));
  }
  await ctx.tx.instance.delete({ where: { id: instance.id } });
  await ctx.audit({
    action: "instance.deleted",
    targetType: "instance",
    targetId: instance.id,
    metadata: { name: instance.name, environment: instance.environment },
  });
}

export async function mergeBranches(ctx: Ctx, input: { projectId: string; sourceBranch: string; targetBranch: string }) {
  const project = await projectFor(ctx, input.projectId, "projects.merge", ctx.tx);
  for (const branch of [input.sourceBranch, input.targetBranch]) {
    if (!project.branches.includes(branch)) {
      throw Refusal.field(branch === input.sourceBranch ? "sourceBranch" : "targetBranch", messageKey("errors.resources.noSuchBranch", { project: project.name, branch }));
    }
  }
  const merge = await ctx.tx.projectMerge.create({
    data: { projectId: project.id, sourceBranch: input.sourceBranch, targetBranch: input.targetBranch, mergedById: ctx.user.id },
  });
  await ctx.audit({
    action: "project.branch_merged",
    targetType: "project",
    targetId: project.id,
    metadata: { source: input.sourceBranch, target: input.targetBranch },
  });
  return { mergeId: merge.id };
}

export async function connectAsUser(ctx: Ctx, instanceId: string, systemUser: string) {
  const instance = await instanceFor(ctx, instanceId, "instances.connect", ctx.tx);
  if (!instance.systemUsers.includes(systemUser)) throw Refusal.field("systemUser", messageKey("errors.resources.unknownSystemUser"));
  if (instance.status !== "RUNNING") throw new Refusal("CONFLICT", messageKey("errors.resources.notRunning"));
  const session = await ctx.tx.connectSession.create({
    data: { instanceId: instance.id, userId: ctx.user.id, systemUser, expiresAt: new Date(Date.now() + 60 * 60 * 1000) },
  });
  await ctx.audit({ action: "instance.connected", targetType: "instance", targetId: instance.id, metadata: { systemUser, sessionId: session.id } });
  return {
    sessionId: session.id,
    systemUser,
    expiresAt: session.expiresAt.toISOString(),
    command: `ssh ${systemUser}@${instance.server.address} -o SessionId=${session.id}`,
  };
}

export async function updateInstanceSettings(ctx: Ctx, instanceId: string, settings: InstanceSettings) {
  const instance = await instanceFor(ctx, instanceId, "instances.settings", ctx.tx);
  const before = readInstanceSettings(instance.settings);
  await ctx.tx.instance.update({ where: { id: instance.id }, data: { settings: { ...settings } } });
  await log(ctx, instance.id, "DEPLOYMENT", `Settings changed by ${ctx.user.name}`);
  await ctx.audit({ action: "instance.settings_changed", targetType: "instance", targetId: instance.id, metadata: { before: { ...before }, after: { ...settings } } });
  return settings;
}

export async function openIde(ctx: Ctx, instanceId: string) {
  const instance = await instanceFor(ctx, instanceId, "ide.use", ctx.tx);
  await ctx.audit({ action: "instance.ide_opened", targetType: "instance", targetId: instance.id, metadata: { name: instance.name } });
  return { href: `/${ctx.workspace.slug}/instances/${instance.id}/ide` };
}

export async function createBackup(ctx: Ctx, instanceId: string, label?: string) {
  const instance = await instanceFor(ctx, instanceId, "backups.manage", ctx.tx);
  await enforceQuota(ctx.tx, ctx.workspace.id, "BACKUPS");
  const takenAt = new Date();
  const snapshot = {
    instance: { id: instance.id, name: instance.name, environment: instance.environment, status: instance.status },
    settings: readInstanceSettings(instance.settings),
    takenAt: takenAt.toISOString(),
    takenBy: ctx.user.email,
  };
  const content = Buffer.from(JSON.stringify(snapshot, null, 2));
  const backup = await ctx.tx.backup.create({
    data: {
      instanceId: instance.id,
      label: label || `${instance.name} ${utcMinute(takenAt)}`,
      content,
      sizeBytes: content.length,
      createdById: ctx.user.id,
    },
    select: { id: true, label: true },
  });
  await log(ctx, instance.id, "DEPLOYMENT", `Backup "${backup.label}" created by ${ctx.user.name}`);
  await ctx.audit({ action: "backup.created", targetType: "backup", targetId: backup.id, metadata: { instanceId: instance.id, label: backup.label } });
  return backup;
}

export async function restoreBackup(ctx: Ctx, backupId: string) {
  const { backup, instance } = await backupFor(ctx, backupId, "backups.manage", ctx.tx);
  const snapshot = JSON.parse(Buffer.from(backup.content).toString("utf8")) as { settings?: unknown };
  await ctx.tx.instance.update({ where: { id: instance.id }, data: { settings: { ...readInstanceSettings(snapshot.settings) } } });
  await ctx.tx.backup.update({ where: { id: backup.id }, data: { restoredAt: new Date() } });
  await log(ctx, instance.id, "DEPLOYMENT", `Backup "${backup.label}" restored by ${ctx.user.name}`, "warn");
  await ctx.audit({ action: "backup.restored", targetType: "backup", targetId: backup.id, metadata: { instanceId: instance.id } });
}

export async function deleteBackup(ctx: Ctx, backupId: string) {
  const { backup, instance } = await backupFor(ctx, backupId, "backups.manage", ctx.tx);
  await ctx.tx.backup.delete({ where: { id: backup.id } });
  await ctx.audit({ action: "backup.deleted", targetType: "backup", targetId: backup.id, metadata: { instanceId: instance.id, label: backup.label } });
}
