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
import { recipientLocale } from "@/lib/i18n/locale";
import { messageKey } from "@/lib/i18n/message-key";
import { translatorFor } from "@/lib/i18n/translator";
import { lockWorkspace } from "@/lib/workspaces/lock";
import type { Plan, QuotaResource } from "@/generated/prisma/enums";
import { quotaCount, quotaLimits } from "./queries";

// One literal key per resource, so the catalog test sees each one used.
const REACHED: Record<QuotaResource, (values: { limit: number }) => string> = {
  MEMBERS: (values) => messageKey("errors.quotas.reached.MEMBERS", values),
  PROJECTS: (values) => messageKey("errors.quotas.reached.PROJECTS", values),
  SERVERS: (values) => messageKey("errors.quotas.reached.SERVERS", values),
  INSTANCES: (values) => messageKey("errors.quotas.reached.INSTANCES", values),
  BACKUPS: (values) => messageKey("errors.quotas.reached.BACKUPS", values),
  API_KEYS: (values) => messageKey("errors.quotas.reached.API_KEYS", values),
};
const REACHED_LAPSED: Record<QuotaResource, (values: { limit: number; day: string; plan: string }) => string> = {
  MEMBERS: (values) => messageKey("errors.quotas.reachedLapsed.MEMBERS", values),
  PROJECTS: (values) => messageKey("errors.quotas.reachedLapsed.PROJECTS", values),
  SERVERS: (values) => messageKey("errors.quotas.reachedLapsed.SERVERS", values),
  INSTANCES: (values) => messageKey("errors.quotas.reachedLapsed.INSTANCES", values),
  BACKUPS: (values) => messageKey("errors.quotas.reachedLapsed.BACKUPS", values),
  API_KEYS: (values) => messageKey("errors.quotas.reachedLapsed.API_KEYS", values),
};

/** The refusal's message as a catalog key: the page shows it in the reader's language, the API in English. */
export function quotaMessage(resource: QuotaResource, limit: number, lapsed?: { plan: Plan; at: Date } | null): string {
  // Over-limit data is kept when an unpaid renewal drops the plan to Free; only more of it is refused.
  if (lapsed) return REACHED_LAPSED[resource]({ limit, day: utcDay(lapsed.at), plan: PLAN_CAPS[lapsed.plan].label });
  return REACHED[resource]({ limit });
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
      label: messageKey("errors.quotas.requestMore"),
      href: `/${workspace.slug}/settings/quotas?resource=${resource}`,
    });
  }
  await emitAlert(tx, workspace, { kind: "QUOTA_ABOVE", resource: QUOTA_LABEL[resource], resourceKey: resource, usage: used + 1, limit: limits[resource] });
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
  if (request.status !== "PENDING") throw new Refusal("CONFLICT", request.status === "APPROVED" ? messageKey("errors.quotas.alreadyApproved") : messageKey("errors.quotas.alreadyDenied"));
  const status = approve ? "APPROVED" : "DENIED";
  // Decided only while still pending: of two operators deciding at once, the second finds it taken.
  const { count } = await ctx.tx.quotaRequest.updateMany({
    where: { id: request.id, status: "PENDING" },
    data: { status, decidedByEmail: ctx.admin.email, decidedAt: new Date() },
  });
  if (count === 0) throw new Refusal("CONFLICT", messageKey("errors.quotas.decidedByOther"));
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
    ? await ctx.tx.user.findUnique({ where: { id: request.requestedById }, select: { email: true, locale: true } })
    : null;
  if (requester) {
    // In the requester's language, not the operator's.
    const t = translatorFor(recipientLocale(requester.locale), "quotas.emails");
    const values = { resource: t(`resources.${request.resource}`), limit: request.requestedLimit, workspace: request.workspace.name };
    const body = approve ? t("approved", values) : t("denied", values);
    const link = `${await ctx.origin()}/${request.workspace.slug}/settings/quotas`;
    await enqueueEmail(ctx.tx, {
      kind: "quota_decision",
      workspaceId: request.workspaceId,
      to: requester.email,
      subject: approve ? t("approvedSubject") : t("deniedSubject"),
      text: `${body}\n\n${t("seeQuotas")}: ${link}`,
      html: `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t("seeQuotas"))}</a></p>`,
    });
  }
  return { status };
}
