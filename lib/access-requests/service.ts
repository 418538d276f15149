import type { WorkspaceActionContext } from "@/lib/authz/types";
import { ROLE_RANK, type GrantableKey } from "@/lib/authz/permissions";
import { enqueueEmail } from "@/lib/email/outbox";
import { recipientLocale } from "@/lib/i18n/locale";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { consumeRateLimit } from "@/lib/rate-limits/service";
import { accessDecisionEmail, accessRequestedEmail } from "./emails";
import { resourceIn, type NamedResource } from "./resources";
import { expiresAtFor, type AccessResourceKind, type ApproveAccessRequestSchema, type CreateAccessRequestSchema, type DenyAccessRequestSchema } from "./schemas";
import type { z } from "zod";

const describe = (kind: string | null, resource: NamedResource | null) => (kind && resource ? { kind, name: resource.name } : null);
const listPath = (ctx: WorkspaceActionContext) => `/${ctx.workspace.slug}/settings/access-requests`;

/**
 * A member below Admin asks for one grantable permission, on one resource of this workspace or in
 * general. Asking again for the same thing while it is pending answers the pending request (nothing
 * new is written or mailed); new requests are limited per member, and every owner and admin is mailed.
 */
export async function createAccessRequest(ctx: WorkspaceActionContext, input: z.output<typeof CreateAccessRequestSchema>) {
  if (ROLE_RANK[ctx.membership.role] >= ROLE_RANK.ADMIN) {
    throw new Refusal("FORBIDDEN", messageKey("errors.accessRequests.staffHoldAll"));
  }
  const kind = (input.resourceKind || null) as AccessResourceKind | null;
  const resourceId = kind ? input.resourceId! : null;
  const resource = kind ? await resourceIn(ctx.tx, ctx.workspace.id, kind, resourceId!) : null;
  if (kind && !resource) throw new Refusal("NOT_FOUND", messageKey("errors.accessRequests.resourceNotFound"));
  if (resource ? ctx.canOn(input.permission, resource.ref) : ctx.can(input.permission)) {
    throw new Refusal("CONFLICT", messageKey("errors.accessRequests.alreadyHave"));
  }
  // One member's requests one at a time: two tabs sending the same request make one row, and the
  // limit below counts each new request exactly once.
  await ctx.tx.$queryRaw`SELECT id FROM "Membership" WHERE id = ${ctx.membership.id} FOR UPDATE`;
  const existing = await ctx.tx.accessRequest.findFirst({
    where: { membershipId: ctx.membership.id, permission: input.permission, resourceKind: kind, resourceId, status: "PENDING" },
    select: { id: true },
  });
  if (existing) return { id: existing.id, existing: true };
  const limit = await consumeRateLimit("accessRequestsPerMember", ctx.membership.id, ctx.tx);
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    throw new Refusal(
      "LIMIT",
      messageKey("errors.accessRequests.rateLimited", { limit: limit.limit, minutes }),
    ).retryAfter(limit.retryAfterSeconds);
  }
  const request = await ctx.tx.accessRequest.create({
    data: { workspaceId: ctx.workspace.id, membershipId: ctx.membership.id, permission: input.permission, resourceKind: kind, resourceId, reason: input.reason },
    select: { id: true },
  });
  await ctx.audit({
    action: "access_request.created",
    targetType: "access_request",
    targetId: request.id,
    metadata: { permission: input.permission, resourceKind: kind, resourceId },
  });
  const staff = await ctx.tx.membership.findMany({
    where: { workspaceId: ctx.workspace.id, role: { in: ["OWNER", "ADMIN"] } },
    select: { user: { select: { email: true, locale: true } } },
  });
  const link = `${await ctx.origin()}${listPath(ctx)}`;
  for (const { user } of staff) {
    await enqueueEmail(ctx.tx, {
      kind: "access_request",
      workspaceId: ctx.workspace.id,
      ...accessRequestedEmail({
        to: user.email,
        locale: recipientLocale(user.locale),
        workspaceName: ctx.workspace.name,
        requesterName: ctx.user.name,
        permission: input.permission,
        resource: describe(kind, resource),
        reason: input.reason,
        link,
      }),
    });
  }
  return { id: request.id, existing: false };
}

/** A request of this workspace by id with its requester, or NOT_FOUND (another workspace's id too). */
async function requestOf(ctx: WorkspaceActionContext, requestId: string) {
  const request = await ctx.tx.accessRequest.findFirst({
    where: { id: requestId, workspaceId: ctx.workspace.id },
    include: { membership: { select: { id: true, user: { select: { name: true, email: true, locale: true } } } } },
  });
  if (!request) throw new Refusal("NOT_FOUND", messageKey("errors.accessRequests.requestNotFound"));
  return { ...request, permission: request.permission as GrantableKey, resourceKind: request.resourceKind as AccessResourceKind | null };
}

function stillPending(request: { status: string }) {
  if (request.status !== "PENDING") throw new Refusal("CONFLICT", messageKey("errors.accessRequests.alreadyDecided", { status: request.status.toLowerCase() }));
}

type Decision = "approved" | "denied" | "revoked";

async function tellRequester(
  ctx: WorkspaceActionContext,
  request: Awaited<ReturnType<typeof requestOf>>,
  outcome: Decision,
  details: { resource: NamedResource | null; note: string | null; expiresAt: Date | null },
) {
  await enqueueEmail(ctx.tx, {
    kind: "access_request",
    workspaceId: ctx.workspace.id,
    ...accessDecisionEmail({
      to: request.membership.user.email,
      locale: recipientLocale(request.membership.user.locale),
      workspaceName: ctx.workspace.name,
      deciderName: ctx.user.name,
      outcome,
      permission: request.permission,
      resource: describe(request.resourceKind, details.resource),
      note: details.note,
      expiresAt: details.expiresAt,
      link: `${await ctx.origin()}${listPath(ctx)}`,
    }),
  });
}

/**
 * An owner or admin approves, for a while or until revoked: the approved row is the grant (the
 * membership's context loads it with the other grants). Nobody approves what they do not hold.
 */
export async function approveAccessRequest(ctx: WorkspaceActionContext, input: z.output<typeof ApproveAccessRequestSchema>) {
  const request = await requestOf(ctx, input.requestId);
  stillPending(request);
  const resource = request.resourceKind ? await resourceIn(ctx.tx, ctx.workspace.id, request.resourceKind, request.resourceId!) : null;
  if (request.resourceKind && !resource) throw new Refusal("CONFLICT", messageKey("errors.accessRequests.resourceGone"));
  if (!(resource ? ctx.canOn(request.permission, resource.ref) : ctx.can(request.permission))) {
    throw new Refusal("FORBIDDEN", messageKey("errors.accessRequests.approveOwnOnly")).missing(request.permission);
  }
  const now = new Date();
  const expiresAt = expiresAtFor({ expiry: input.expiry, until: input.until || undefined }, now);
  const note = input.note || null;
  // Decided only while still pending: of two admins deciding at once, the second finds it taken.
  const { count } = await ctx.tx.accessRequest.updateMany({
    where: { id: request.id, status: "PENDING" },
    data: { status: "APPROVED", decidedById: ctx.user.id, decidedAt: now, note, expiresAt },
  });
  if (count === 0) throw new Refusal("CONFLICT", messageKey("errors.accessRequests.decidedMomentAgo"));
  await ctx.audit({
    action: "access_request.approved",
    targetType: "access_request",
    targetId: request.id,
    metadata: {
      membershipId: request.membershipId,
      permission: request.permission,
      resourceKind: request.resourceKind,
      resourceId: request.resourceId,
      expiresAt: expiresAt?.toISOString() ?? null,
    },
  });
  await tellRequester(ctx, request, "approved", { resource, note, expiresAt });
  return { id: request.id, expiresAt };
}

export async function denyAccessRequest(ctx: WorkspaceActionContext, input: z.output<typeof DenyAccessRequestSchema>) {
  const request = await requestOf(ctx, input.requestId);
  stillPending(request);
  const note = input.note || null;
  const { count } = await ctx.tx.accessRequest.updateMany({
    where: { id: request.id, status: "PENDING" },
    data: { status: "DENIED", decidedById: ctx.user.id, decidedAt: new Date(), note },
  });
  if (count === 0) throw new Refusal("CONFLICT", messageKey("errors.accessRequests.decidedMomentAgo"));
  await ctx.audit({
    action: "access_request.denied",
    targetType: "access_request",
    targetId: request.id,
    metadata: { membershipId: request.membershipId, permission: request.permission, resourceKind: request.resourceKind, resourceId: request.resourceId },
  });
  const resource = request.resourceKind ? await resourceIn(ctx.tx, ctx.workspace.id, request.resourceKind, request.resourceId!) : null;
  await tellRequester(ctx, request, "denied", { resource, note, expiresAt: null });
  return { id: request.id };
}

/** The requester withdraws their own pending request; anyone else's is not found. */
export async function cancelAccessRequest(ctx: WorkspaceActionContext, requestId: string) {
  const request = await requestOf(ctx, requestId);
  if (request.membershipId !== ctx.membership.id) throw new Refusal("NOT_FOUND", messageKey("errors.accessRequests.requestNotFound"));
  stillPending(request);
  const { count } = await ctx.tx.accessRequest.updateMany({ where: { id: request.id, status: "PENDING" }, data: { status: "CANCELLED" } });
  if (count === 0) throw new Refusal("CONFLICT", messageKey("errors.accessRequests.decidedJustNow"));
  await ctx.audit({ action: "access_request.cancelled", targetType: "access_request", targetId: request.id, metadata: { permission: request.permission } });
  return { id: request.id };
}

/** An owner or admin takes back an approved request's access at once; the requester is told. */
export async function revokeAccessRequest(ctx: WorkspaceActionContext, requestId: string) {
  const request = await requestOf(ctx, requestId);
  if (request.status !== "APPROVED") throw new Refusal("CONFLICT", messageKey("errors.accessRequests.onlyApprovedRevocable", { status: request.status.toLowerCase() }));
  const { count } = await ctx.tx.accessRequest.updateMany({ where: { id: request.id, status: "APPROVED" }, data: { status: "REVOKED" } });
  if (count === 0) throw new Refusal("CONFLICT", messageKey("errors.accessRequests.revokedMomentAgo"));
  await ctx.audit({
    action: "access_request.revoked",
    targetType: "access_request",
    targetId: request.id,
    metadata: { membershipId: request.membershipId, permission: request.permission, resourceKind: request.resourceKind, resourceId: request.resourceId },
  });
  const resource = request.resourceKind ? await resourceIn(ctx.tx, ctx.workspace.id, request.resourceKind, request.resourceId!) : null;
  await tellRequester(ctx, request, "revoked", { resource, note: null, expiresAt: null });
  return { id: request.id };
}
