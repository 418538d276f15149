import type { Plan } from "@/generated/prisma/enums";

export interface PlanCaps {
  label: string;
  /** Members plus pending invitations a workspace on this plan may hold. */
  members: number;
}

export const PLAN_CAPS: Record<Plan, PlanCaps> = {
  FREE: { label: "Free", members: 5 },
  STARTER: { label: "Starter", members: 20 },
  PRO: { label: "Pro", members: 100 },
  ENTERPRISE: { label: "Enterprise", members: 5000 },
};

export function seatLimit(plan: Plan): number {
  return PLAN_CAPS[plan].members;
}
