"use server";

import { workspaceAction } from "@/lib/authz";
import { BillingDetailsSchema, CancelScheduledChangeSchema, ChangePlanSchema, TopUpSchema } from "@/lib/billing/schemas";
import { cancelScheduledChange, changePlan, topUp, updateBillingDetails } from "@/lib/billing/service";

export const changePlanAction = workspaceAction(
  { name: "billing.changePlan", permission: "billing.manage", input: ChangePlanSchema },
  (ctx, input) => changePlan(ctx, input.plan),
);

export const cancelScheduledChangeAction = workspaceAction(
  { name: "billing.cancelScheduledChange", permission: "billing.manage", input: CancelScheduledChangeSchema },
  (ctx) => cancelScheduledChange(ctx),
);

export const topUpAction = workspaceAction(
  { name: "billing.topUp", permission: "billing.manage", input: TopUpSchema },
  (ctx, input) => topUp(ctx, input),
);

export const updateBillingDetailsAction = workspaceAction(
  { name: "billing.updateDetails", permission: "billing.manage", input: BillingDetailsSchema },
  (ctx, input) => updateBillingDetails(ctx, input),
);
