import type { Plan, QuotaResource } from "@/generated/prisma/enums";

export interface PlanCaps {
  label: string;
  /** Monthly price in minor units of USD, shown in the comparison table. */
  priceMinor: number;
  /** How many workspaces a user whose personal workspace is on this plan may own (personal excluded). */
  ownedWorkspaces: number;
  quotas: Record<QuotaResource, number>;
}

export const PLANS = ["FREE", "STARTER", "PRO", "ENTERPRISE"] as const satisfies readonly Plan[];

export const PLAN_CAPS: Record<Plan, PlanCaps> = {
  FREE: {
    label: "Free",
    priceMinor: 0,
    ownedWorkspaces: 3,
    quotas: { MEMBERS: 5, PROJECTS: 3, SERVERS: 2, INSTANCES: 5, BACKUPS: 10, API_KEYS: 2 },
  },
  STARTER: {
    label: "Starter",
    priceMinor: 1900,
    ownedWorkspaces: 10,
    quotas: { MEMBERS: 20, PROJECTS: 10, SERVERS: 5, INSTANCES: 25, BACKUPS: 100, API_KEYS: 10 },
  },
  PRO: {
    label: "Pro",
    priceMinor: 9900,
    ownedWorkspaces: 50,
    quotas: { MEMBERS: 100, PROJECTS: 50, SERVERS: 25, INSTANCES: 200, BACKUPS: 1000, API_KEYS: 50 },
  },
  ENTERPRISE: {
    label: "Enterprise",
    priceMinor: 49900,
    ownedWorkspaces: 500,
    quotas: { MEMBERS: 5000, PROJECTS: 1000, SERVERS: 500, INSTANCES: 5000, BACKUPS: 100000, API_KEYS: 1000 },
  },
};

export const QUOTA_LABEL: Record<QuotaResource, string> = {
  MEMBERS: "Members",
  PROJECTS: "Projects",
  SERVERS: "Servers",
  INSTANCES: "Instances",
  BACKUPS: "Backups",
  API_KEYS: "API keys",
};

export const PLAN_RANK: Record<Plan, number> = { FREE: 0, STARTER: 1, PRO: 2, ENTERPRISE: 3 };
