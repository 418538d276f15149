"use server";

import { platformAction, workspaceAction } from "@/lib/authz";
import { DecideQuotaRequestSchema, QuotaRequestSchema } from "@/lib/quotas/schemas";
import { decideQuotaRequest, requestQuotaChange } from "@/lib/quotas/service";

export const decideQuotaRequestAction = platformAction(
  { name: "platform.decideQuotaRequest", input: DecideQuotaRequestSchema },
  (ctx, input) => decideQuotaRequest(ctx, input.requestId, input.decision === "approve"),
);

export const requestQuotaAction = workspaceAction(
  { name: "quotas.request", permission: "quotas.manage", input: QuotaRequestSchema },
  (ctx, input) => requestQuotaChange(ctx, input),
);
