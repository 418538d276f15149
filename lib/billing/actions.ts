"use server";

import { workspaceAction } from "@/lib/authz";
import { ChangePlanSchema, TopUpSchema } from "@/lib/billing/schemas";
import { changePlan, topUp } from "@/lib/billing/service";

export const changePlanAction = workspaceAction(
  { name: "billing.changePlan", permission: "billing.manage", input: ChangePlanSchema },
  (ctx, input) => changePlan(ctx, input.plan),
);

export const topUpAction = workspaceAction(
  { name: "billing.topUp", permission: "billing.manage", input: TopUpSchema },
  (ctx, input) => topUp(ctx, input),
);
