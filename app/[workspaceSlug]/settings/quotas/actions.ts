"use server";

import { workspaceAction } from "@/lib/authz";
import { requestQuotaChange } from "@/lib/quotas/requests";
import { QuotaRequestSchema } from "@/lib/quotas/schemas";

export const requestQuotaAction = workspaceAction(
  { name: "quotas.request", permission: "quotas.manage", input: QuotaRequestSchema },
  (ctx, input) => requestQuotaChange(ctx, input),
);
