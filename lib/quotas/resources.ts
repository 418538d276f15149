import type { QuotaResource } from "@/generated/prisma/enums";

export const QUOTA_RESOURCES = ["MEMBERS", "PROJECTS", "SERVERS", "INSTANCES", "BACKUPS", "API_KEYS"] as const satisfies readonly QuotaResource[];
