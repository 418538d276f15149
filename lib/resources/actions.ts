"use server";

import { workspaceAction } from "@/lib/authz";
import {
  BackupIdSchema,
  ConnectAsUserSchema,
  CreateBackupSchema,
  CreateInstanceSchema,
  CreateProjectSchema,
  CreateServerSchema,
  InstanceIdSchema,
  InstanceSettingsSchema,
  MergeBranchesSchema,
  ProjectIdSchema,
  RestartSchema,
  ServerIdSchema,
} from "@/lib/resources/schemas";
import {
  connectAsUser,
  createBackup,
  createInstance,
  createProject,
  createServer,
  deleteBackup,
  deleteInstance,
  deleteProject,
  deleteServer,
  mergeBranches,
  openIde,
  restartInstance,
  restoreBackup,
  setInstanceRunning,
  updateInstanceSettings,
} from "@/lib/resources/service";

export const createProjectAction = workspaceAction(
  { name: "projects.create", permission: "resources.manage", input: CreateProjectSchema },
  (ctx, input) => createProject(ctx, input),
);

export const deleteProjectAction = workspaceAction(
  { name: "projects.delete", permission: "resources.manage", input: ProjectIdSchema },
  (ctx, input) => deleteProject(ctx, input.projectId),
);

export const mergeBranchesAction = workspaceAction(
  { name: "projects.merge", permission: "projects.merge", input: MergeBranchesSchema },
  (ctx, input) => mergeBranches(ctx, input),
);

export const createServerAction = workspaceAction(
  { name: "servers.create", permission: "resources.manage", input: CreateServerSchema },
  (ctx, input) => createServer(ctx, input),
);

export const deleteServerAction = workspaceAction(
  { name: "servers.delete", permission: "resources.manage", input: ServerIdSchema },
  (ctx, input) => deleteServer(ctx, input.serverId),
);

export const createInstanceAction = workspaceAction(
  { name: "instances.create", permission: "resources.manage", input: CreateInstanceSchema },
  (ctx, input) => createInstance(ctx, input),
);

export const restartInstanceAction = workspaceAction(
  { name: "instances.restart", permission: "instances.restart", input: RestartSchema },
  (ctx, input) => restartInstance(ctx, input.instanceId, input.mode),
);

export const stopInstanceAction = workspaceAction(
  { name: "instances.stop", permission: "instances.stop", input: InstanceIdSchema },
  (ctx, input) => setInstanceRunning(ctx, input.instanceId, false),
);

export const startInstanceAction = workspaceAction(
  { name: "instances.start", permission: "instances.stop", input: InstanceIdSchema },
  (ctx, input) => setInstanceRunning(ctx, input.instanceId, true),
);

export const deleteInstanceAction = workspaceAction(
  { name: "instances.delete", permission: "instances.delete", input: InstanceIdSchema },
  (ctx, input) => deleteInstance(ctx, input.instanceId),
);

export const connectAsUserAction = workspaceAction(
  { name: "instances.connect", permission: "instances.connect", input: ConnectAsUserSchema },
  (ctx, input) => connectAsUser(ctx, input.instanceId, input.systemUser),
);

export const updateInstanceSettingsAction = workspaceAction(
  { name: "instances.updateSettings", permission: "instances.settings", input: InstanceSettingsSchema },
  (ctx, { instanceId, ...settings }) => updateInstanceSettings(ctx, instanceId, settings),
);

export const openIdeAction = workspaceAction(
  { name: "instances.openIde", permission: "ide.use", input: InstanceIdSchema },
  (ctx, input) => openIde(ctx, input.instanceId),
);

export const createBackupAction = workspaceAction(
  { name: "backups.create", permission: "backups.manage", input: CreateBackupSchema },
  (ctx, input) => createBackup(ctx, input.instanceId, input.label),
);

export const restoreBackupAction = workspaceAction(
  { name: "backups.restore", permission: "backups.manage", input: BackupIdSchema },
  (ctx, input) => restoreBackup(ctx, input.backupId),
);

export const deleteBackupAction = workspaceAction(
  { name: "backups.delete", permission: "backups.manage", input: BackupIdSchema },
  (ctx, input) => deleteBackup(ctx, input.backupId),
);
