import type { PlatformActionContext, WorkspaceActionContext } from "@/lib/authz/types";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { PLAN_CAPS, QUOTA_LABEL } from "@/lib/billing/plans";
import { lapsedFrom } from "@/lib/billing/queries";
import { utcDay } from "@/lib/dates";
import { emitAlert } from "@/lib/alerting/rules";
import { escapeHtml } from "@/lib/email";
import { enqueueEmail } from "@/lib/email/outbox";
import { Refusal } from "@/lib/errors";
import { lockWorkspace } from "@/lib/workspaces/lock";
import type { Plan, QuotaResource } from "@/generated/prisma/enums";
import { quotaCount, quotaLimits } from "./queries";

export function quotaMessage(resource: QuotaResource, limit: number, lapsed?: { plan: Plan; at: Date } | null): string {
  const what = `${limit} ${QUOTA_LABEL[resource].toLowerCase()}`;
  if (lapsed) {
    // Over-limit data is kept when an unpaid renewal drops the plan to Free; only more of it is refused.
    return (
      `Quota reached: this workspace may have ${what} on the Free plan, which it fell back to on ${utcDay(lapsed.at)} when its ` +
      `${PLAN_CAPS[lapsed.plan].label} renewal went unpaid. What it has beyond that is kept, read-only. ` +
      "Top up and upgrade under Settings → Billing, or request more under Settings → Quotas."
    );
  }
  return `Quota reached: this workspace may have ${what}. Request more under Settings → Quotas.`;
}

/**
 * Refuses one more of `resource` past the workspace's limit. Counted under the workspace lock, so of
 * two concurrent creates at the limit exactly one goes through.
 */
export async function enforceQuota(tx: Tx, workspaceId: string, resource: Exclude<QuotaResource, "MEMBERS">): Promise<void> {
  const workspace = await lockWorkspace(tx, workspaceId);
  const [limits, used] = await Promise.all([quotaLimits(tx, workspaceId, workspace.plan), quotaCount(tx, workspaceId, resource)]);
  if (used + 1 > limits[resource]) {
    const lapsed = workspace.plan === "FREE" ? await lapsedFrom(tx, workspaceId) : null;
    throw new Refusal("LIMIT", quotaMessage(resource, limits[resource], lapsed)).withHelp({
      label: "Request more",
      href: `/${workspace.slug}/settings/quotas?resource=${resource}`,
    });
  }
  await emitAlert(tx, workspace, { kind: "QUOTA_ABOVE", resource: QUOTA_LABEL[resource], usage: used + 1, limit: limits[resource] });
}

export async function requestQuotaChange(ctx: WorkspaceActionContext, input: { resource: QuotaResource; requestedLimit: number; reason: string }) {
  const request = await ctx.tx.quotaRequest.create({
    data: { workspaceId: ctx.workspace.id, requestedById: ctx.user.id, ...input },
  });
  await ctx.audit({ action: "quota.requested", targetType: "quota_request", targetId: request.id, metadata: { resource: input.resource, requestedLimit: input.requestedLimit } });
  return { id: request.id };
}

/** An operator's decision: approval sets the workspace's limit; either way the requester hears by email. */
export async function decideQuotaRequest(ctx: PlatformActionContext, requestId: string, approve: boolean) {
  const request = await ctx.tx.quotaRequest.findUnique({
    where: { id: requestId },
    include: { workspace: { select: { name: true, slug: true, deletedAt: true } } },
  });
  if (!request || request.workspace.deletedAt) throw Refusal.notFound("That request");
  if (request.status !== "PENDING") throw new Refusal("CONFLICT", `This request was already ${request.status.toLowerCase()}.`);
  const status = approve ? "APPROVED" : "DENIED";
  // Decided only while still pending: of two operators deciding at once, the second finds it taken.
  const { count } = await ctx.tx.quotaRequest.updateMany({
    where: { id: request.id, status: "PENDING" },
    data: { status, decidedByEmail: ctx.admin.email, decidedAt: new Date() },
  });
  if (count === 0) throw new Refusal("CONFLICT", "Another operator decided this request a moment ago.");
  if (approve) {
    await ctx.tx.workspaceQuota.upsert({
      where: { workspaceId_resource: { workspaceId: request.workspaceId, resource: request.resource } },
      create: { workspaceId: request.workspaceId, resource: request.resource, limit: request.requestedLimit },
      update: { limit: request.requestedLimit },
    });
  }
  await recordAudit(ctx.tx, {
    workspaceId: request.workspaceId,
    actorId: ctx.actor.userId,
    action: approve ? "quota.approved" : "quota.denied",
    targetType: "quota_request",
    targetId: request.id,
    metadata: { resource: request.resource, requestedLimit: request.requestedLimit, decidedBy: ctx.admin.email },
    ip: ctx.actor.ip,
  });
  const requester = request.requestedById
    ? await ctx.tx.user.findUnique({ where: { id: request.requestedById }, select: { email: true } })
    : null;
  if (requester) {
    const what = `${QUOTA_LABEL[request.resource].toLowerCase()} limit of ${request.requestedLimit}`;
    const verdict = approve ? `approved: ${request.workspace.name} now has a ${what}` : `denied: ${request.workspace.name} keeps its current limit`;
    const link = `${await ctx.origin()}/${request.workspace.slug}/settings/quotas`;
    await enqueueEmail(ctx.tx, {
      kind: "quota_decision",
      workspaceId: request.workspaceId,
      to: requester.email,
      subject: `Your quota request was ${approve ? "approved" : "denied"}`,
      text: `Your request for a ${what} was ${verdict}.\n\nSee your quotas: ${link}`,
      html: `<p>Your request for a ${escapeHtml(what)} was ${escapeHtml(verdict)}.</p><p><a href="${escapeHtml(link)}">See your quotas</a></p>`,
    });
  }
  return { status };
}
