"use server";

import { platformAction } from "@/lib/authz";
import { decideQuotaRequest } from "@/lib/quotas/requests";
import { DecideQuotaRequestSchema } from "@/lib/quotas/schemas";

export const decideQuotaRequestAction = platformAction(
  { name: "platform.decideQuotaRequest", input: DecideQuotaRequestSchema },
  (ctx, input) => decideQuotaRequest(ctx, input.requestId, input.decision === "approve"),
);
