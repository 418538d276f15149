import { z } from "zod";
import { recordId, text } from "@/lib/schemas";

const id = recordId();
export const ENVIRONMENTS = ["DEVELOPMENT", "STAGING", "PRODUCTION"] as const;
export const REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"] as const;
const branchName = z
  .string()
  .trim()
  .min(1, "Enter a branch name")
  .max(100, "Keep branch names under 100 characters")
  .regex(/^[A-Za-z0-9._/-]+$/, "Use letters, digits, dots, slashes, hyphens and underscores");
const resourceName = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(48, "Keep the name under 48 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Use lowercase letters, digits and hyphens");

export const CreateProjectSchema = z.object({
  name: resourceName,
  repositoryUrl: text()
    .trim()
    .max(300, "That URL is too long")
    .regex(/^(https:\/\/[^\s]+|git@[^\s:]+:[^\s]+)$/, "Use an https:// or git@host:path repository URL"),
  branches: text()
    .max(2000)
    .transform((raw) => [...new Set(raw.split(/[\s,]+/).filter(Boolean))])
    .pipe(z.array(branchName).min(1, "List at least one branch").max(50, "List at most 50 branches")),
});
export type CreateProjectInput = z.input<typeof CreateProjectSchema>;

export const CreateServerSchema = z.object({
  name: resourceName,
  region: z.enum(REGIONS, { message: "Choose a region" }),
  address: z
    .string()
    .trim()
    .min(1, "Enter a host name or IP address")
    .max(253, "That address is too long")
    .regex(/^[A-Za-z0-9.:-]+$/, "Use a host name or an IP address"),
});
export type CreateServerInput = z.input<typeof CreateServerSchema>;

export const CreateInstanceSchema = z.object({
  name: resourceName,
  projectId: id,
  serverId: id,
  environment: z.enum(ENVIRONMENTS, { message: "Choose an environment" }),
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
  systemUser: text().min(1, "Choose a system user").max(32),
});

export const MergeBranchesSchema = z
  .object({ projectId: id, sourceBranch: branchName, targetBranch: branchName })
  .refine((v) => v.sourceBranch !== v.targetBranch, { path: ["targetBranch"], message: "Choose a different target branch" });
export type MergeBranchesInput = z.input<typeof MergeBranchesSchema>;

export const CreateBackupSchema = z.object({
  instanceId: id,
  label: text().trim().max(80, "Keep the label under 80 characters").optional(),
});

export const InstanceSettingsSchema = z.object({
  instanceId: id,
  replicas: z.coerce.number().int("Use a whole number").min(1, "At least 1 replica").max(20, "At most 20 replicas"),
  memoryMb: z.coerce.number().int("Use a whole number").min(128, "At least 128 MB").max(16384, "At most 16384 MB"),
  autoRestart: z.boolean(),
});
export type InstanceSettingsInput = z.input<typeof InstanceSettingsSchema>;

export const SetSecretSchema = z.object({
  environment: z.enum(ENVIRONMENTS, { message: "Choose an environment" }),
  name: z
    .string()
    .trim()
    .min(1, "Enter a name")
    .max(64, "Keep the name under 64 characters")
    .regex(/^[A-Z][A-Z0-9_]*$/, "Use UPPER_SNAKE_CASE, starting with a letter"),
  value: text().min(1, "Enter a value").max(4096, "Keep the value under 4096 characters"),
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
