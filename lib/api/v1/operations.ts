import type { ApiOperation } from "@/lib/authz/api";
import { auditApi } from "@/lib/audit/api";
import { billingApi } from "@/lib/billing/api";
import { invitationsApi } from "@/lib/invitations/api";
import { membersApi } from "@/lib/members/api";
import { quotasApi } from "@/lib/quotas/api";
import { resourcesApi } from "@/lib/resources/api";
import { workspaceApi } from "@/lib/workspaces/api";

/** Every operation of /api/v1, in the order the reference lists them. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...workspaceApi,
  ...membersApi,
  ...invitationsApi,
  ...resourcesApi,
  ...auditApi,
  ...quotasApi,
  ...billingApi,
];
