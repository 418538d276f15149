"use server";

import { workspaceAction } from "@/lib/authz";
import { AccessRequestIdSchema, ApproveAccessRequestSchema, CreateAccessRequestSchema, DenyAccessRequestSchema } from "./schemas";
import { approveAccessRequest, cancelAccessRequest, createAccessRequest, denyAccessRequest, revokeAccessRequest } from "./service";

// Any member may call it; the service refuses owners and admins, who have nothing to ask for.
export const requestAccessAction = workspaceAction(
  { name: "accessRequests.create", permission: "member", input: CreateAccessRequestSchema },
  (ctx, input) => createAccessRequest(ctx, input),
);

export const approveAccessRequestAction = workspaceAction(
  { name: "accessRequests.approve", permission: "members.manage", input: ApproveAccessRequestSchema },
  (ctx, input) => approveAccessRequest(ctx, input),
);

export const denyAccessRequestAction = workspaceAction(
  { name: "accessRequests.deny", permission: "members.manage", input: DenyAccessRequestSchema },
  (ctx, input) => denyAccessRequest(ctx, input),
);

// Only the requester's own: the service answers not found for anyone else's.
export const cancelAccessRequestAction = workspaceAction(
  { name: "accessRequests.cancel", permission: "member", input: AccessRequestIdSchema },
  (ctx, input) => cancelAccessRequest(ctx, input.requestId),
);

export const revokeAccessRequestAction = workspaceAction(
  { name: "accessRequests.revoke", permission: "members.manage", input: AccessRequestIdSchema },
  (ctx, input) => revokeAccessRequest(ctx, input.requestId),
);
