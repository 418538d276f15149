import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { PageLinkQuery, recordId, searchParam, text } from "@/lib/schemas";

const id = recordId();
import { ENVIRONMENTS, REGIONS } from "./choices";
export { ENVIRONMENTS, REGIONS };
const branchName = z
  .string()
  .trim()
  .min(1, messageKey("validation.resources.branchRequired"))
  .max(100, messageKey("validation.resources.branchTooLong"))
  .regex(/^[A-Za-z0-9._/-]+$/, messageKey("validation.resources.branchInvalid"));
const resourceName = z
  .string()
  .trim()
  .min(2, messageKey("validation.resources.nameTooShort"))
  .max(48, messageKey("validation.resources.nameTooLong"))
  .regex(/^[a-z0-9][a-z0-9-]*$/, messageKey("validation.resources.nameInvalid"));

export const CreateProjectSchema = z.object({
  name: resourceName,
  repositoryUrl: text()
    .trim()
    .max(300, messageKey("validation.resources.urlTooLong"))
    .regex(/^(https:\/\/[^\s]+|git@[^\s:]+:[^\s]+)$/, messageKey("validation.resources.urlInvalid")),
  branches: text()
    .max(2000)
    .transform((raw) => [...new Set(raw.split(/[\s,]+/).filter(Boolean))])
    .pipe(z.array(branchName).min(1, messageKey("validation.resources.branchesRequired")).max(50, messageKey("validation.resources.branchesTooMany"))),
});
export type CreateProjectInput = z.input<typeof CreateProjectSchema>;

export const CreateServerSchema = z.object({
  name: resourceName,
  region: z.enum(REGIONS, { message: messageKey("validation.resources.regionRequired") }),
  address: z
    .string()
    .trim()
    .min(1, messageKey("validation.resources.addressRequired"))
    .max(253, messageKey("validation.resources.addressTooLong"))
    .regex(/^[A-Za-z0-9.:-]+$/, messageKey("validation.resources.addressInvalid")),
});
export type CreateServerInput = z.input<typeof CreateServerSchema>;

export const CreateInstanceSchema = z.object({
  name: resourceName,
  projectId: id,
  serverId: id,
  environment: z.enum(ENVIRONMENTS, { message: messageKey("validation.resources.environmentRequired") }),
});
export type CreateInstanceInput = z.input<typeof CreateInstanceSchema>;

export const ProjectIdSchema = z.object({ projectId: id });
export const ServerIdSchema = z.object({ serverId: id });
export const InstanceIdSchema = z.object({ instanceId: id });
export const BackupIdSchema = z.object({ backupId: id });
export const SecretIdSchema = z.object({ secretId: id });

export const RestartSchema = z.object({ instanceId: id, mode: z.enum(["soft", "hard"]) });

export const ConnectAsUserSchema = z.object({
  instanceId: id,
  systemUser: text().min(1, messageKey("validation.resources.systemUserRequired")).max(32),
});

export const MergeBranchesSchema = z
  .object({ projectId: id, sourceBranch: branchName, targetBranch: branchName })
  .refine((v) => v.sourceBranch !== v.targetBranch, { path: ["targetBranch"], message: messageKey("validation.resources.sameBranch") });
export type MergeBranchesInput = z.input<typeof MergeBranchesSchema>;

export const CreateBackupSchema = z.object({
  instanceId: id,
  label: text().trim().max(80, messageKey("validation.resources.labelTooLong")).optional(),
});

export const InstanceSettingsSchema = z.object({
  instanceId: id,
  replicas: z.coerce.number().int(messageKey("validation.resources.wholeNumber")).min(1, messageKey("validation.resources.replicasMin")).max(20, messageKey("validation.resources.replicasMax")),
  memoryMb: z.coerce.number().int(messageKey("validation.resources.wholeNumber")).min(128, messageKey("validation.resources.memoryMin")).max(16384, messageKey("validation.resources.memoryMax")),
  autoRestart: z.boolean(),
});
export type InstanceSettingsInput = z.input<typeof InstanceSettingsSchema>;

export const SetSecretSchema = z.object({
  environment: z.enum(ENVIRONMENTS, { message: messageKey("validation.secrets.environmentRequired") }),
  name: z
    .string()
    .trim()
    .min(1, messageKey("validation.secrets.nameRequired"))
    .max(64, messageKey("validation.secrets.nameTooLong"))
    .regex(/^[A-Z][A-Z0-9_]*$/, messageKey("validation.secrets.nameInvalid")),
  value: text().min(1, messageKey("validation.secrets.valueRequired")).max(4096, messageKey("validation.secrets.valueTooLong")),
});
export type SetSecretInput = z.input<typeof SetSecretSchema>;

export interface InstanceSettings {
  replicas: number;
  memoryMb: number;
  autoRestart: boolean;
}

export const DEFAULT_INSTANCE_SETTINGS: InstanceSettings = { replicas: 1, memoryMb: 512, autoRestart: true };

export function readInstanceSettings(raw: unknown): InstanceSettings {
  const value = (raw && typeof raw === "object" ? raw : {}) as Partial<InstanceSettings>;
  return {
    replicas: typeof value.replicas === "number" ? value.replicas : DEFAULT_INSTANCE_SETTINGS.replicas,
    memoryMb: typeof value.memoryMb === "number" ? value.memoryMb : DEFAULT_INSTANCE_SETTINGS.memoryMb,
    autoRestart: typeof value.autoRestart === "boolean" ? value.autoRestart : DEFAULT_INSTANCE_SETTINGS.autoRestart,
  };
}

/** The projects, servers and instances lists' search parameters: a name search and where the page starts. */
export const ResourceListQuerySchema = PageLinkQuery.extend({ q: searchParam(100) });
