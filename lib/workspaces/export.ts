import type { Actor } from "@/lib/authz/types";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";

/**
 * "Download export (JSON)": the whole workspace as one JSON document, for its owner, any time (also
 * before deleting it). What it holds and what it never holds:
 *  - members with their role and join date, teams with their members and grants, member grants,
 *    invitations (address, role, state; never the token's hash), projects, servers, instances with their
 *    settings, backups' metadata (never their content), secrets' names (never values or hints), billing
 *    history, quota overrides and requests, alert channels and rules, AI settings, API keys' metadata,
 *    and the whole audit log, oldest first;
 *  - no secret material: no ciphertext, hash, token, signing secret, channel URL, AI key or key hint.
 *    Anything encrypted is named by a `has…` flag instead.
 * Everything but the audit log is read in one repeatable-read transaction (one consistent picture),
 * which also records "workspace.exported"; the audit log, the part without a bound, is streamed in
 * pages after it, so a log of any length never sits in memory at once.
 */

export const EXPORT_FORMAT = "workspaces-export";
export const EXPORT_VERSION = 1;
const AUDIT_PAGE = 1000;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The file's name: `<slug>-export-<YYYY-MM-DD>.json` (UTC date of the export). */
export function exportFilename(slug: string, at: Date): string {
  return `${slug}-export-${at.toISOString().slice(0, 10)}.json`;
}

/**
 * Runs the reads one after the other: a transaction has one connection, which queues parallel queries
 * anyway (and pg warns about them).
 */
async function inOrder<T extends readonly (() => Promise<unknown>)[]>(...reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

/** Everything but the audit log, read consistently; records the export in the workspace's log. */
async function readWorkspace(tx: Tx, workspaceId: string, actor: Actor) {
  // First statement of the transaction: every read below sees the same snapshot.
  await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  await recordAudit(tx, { workspaceId, actorId: actor.userId, action: "workspace.exported", targetType: "workspace", targetId: workspaceId, ip: actor.ip });
  const exportedAt = new Date();
  const [workspace, memberships, teams, invitations, projects, servers, instances, secrets, transactions, quotas, quotaRequests, channels, rules, ai, apiKeys, invoices, subscription] =
    await inOrder(
      () => tx.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: {
          id: true, name: true, slug: true, description: true, kind: true, stage: true, plan: true, color: true,
          logo: true, logoType: true, logoUpdatedAt: true, requireTwoFactor: true, balanceMinor: true, currency: true,
          billingName: true, billingAddress: true, billingVatId: true,
          createdAt: true, updatedAt: true, slugAliases: { select: { slug: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        },
      }),
      () => tx.membership.findMany({
        where: { workspaceId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true, role: true, createdAt: true,
          user: { select: { id: true, name: true, email: true } },
          grant: { select: { actions: true, projectIds: true, instanceIds: true, serverIds: true, updatedAt: true } },
        },
      }),
      () => tx.team.findMany({
        where: { workspaceId },
        orderBy: { name: "asc" },
        select: {
          id: true, name: true, roleFloor: true, actions: true, projectIds: true, instanceIds: true, serverIds: true, createdAt: true, updatedAt: true,
          members: { select: { membershipId: true, createdAt: true, membership: { select: { user: { select: { name: true, email: true } } } } }, orderBy: { createdAt: "asc" } },
        },
      }),
      () => tx.invitation.findMany({
        where: { workspaceId },
        orderBy: { createdAt: "asc" },
        select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, lastSentAt: true, acceptedAt: true, revokedAt: true, declinedAt: true, invitedBy: { select: { name: true, email: true } } },
      }),
      () => tx.project.findMany({
        where: { workspaceId },
        orderBy: { name: "asc" },
        select: {
          id: true, name: true, repositoryUrl: true, branches: true, createdAt: true, updatedAt: true,
          merges: { select: { sourceBranch: true, targetBranch: true, mergedById: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        },
      }),
      () => tx.server.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true, region: true, address: true, createdAt: true, updatedAt: true } }),
      () => tx.instance.findMany({
        where: { workspaceId },
        orderBy: { name: "asc" },
        select: {
          id: true, name: true, projectId: true, serverId: true, environment: true, status: true, settings: true, systemUsers: true,
          lastRestartedAt: true, createdAt: true, updatedAt: true,
          // Metadata only: a backup's content is a file of its own (the instance page downloads it).
          backups: { select: { id: true, label: true, sizeBytes: true, createdById: true, restoredAt: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        },
      }),
      () => tx.secret.findMany({ where: { workspaceId }, orderBy: [{ environment: "asc" }, { name: "asc" }], select: { id: true, environment: true, name: true, createdAt: true, updatedAt: true } }),
      () => tx.billingTransaction.findMany({
        where: { workspaceId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true, type: true, status: true, amountMinor: true, balanceAfterMinor: true, currency: true, description: true, provider: true,
          providerRef: true, isTest: true, createdById: true, createdAt: true, completedAt: true,
        },
      }),
      () => tx.workspaceQuota.findMany({ where: { workspaceId }, orderBy: { resource: "asc" }, select: { resource: true, limit: true, updatedAt: true } }),
      () => tx.quotaRequest.findMany({
        where: { workspaceId },
        orderBy: { createdAt: "asc" },
        select: { id: true, resource: true, requestedLimit: true, reason: true, status: true, requestedById: true, decidedByEmail: true, decidedAt: true, createdAt: true },
      }),
      () => tx.notificationChannel.findMany({
        where: { workspaceId },
        orderBy: { name: "asc" },
        // Never urlCiphertext, urlHint or signingSecretCiphertext: a Slack or webhook URL is a credential.
        select: { id: true, kind: true, name: true, enabled: true, emails: true, urlCiphertext: true, signingSecretCiphertext: true, createdAt: true, updatedAt: true },
      }),
      () => tx.alertRule.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, threshold: true, channelIds: true, enabled: true, createdAt: true } }),
      () => tx.aiSettings.findUnique({ where: { workspaceId }, select: { provider: true, model: true, baseUrl: true, apiKeyCiphertext: true, updatedAt: true } }),
      () => tx.apiKey.findMany({
        where: { workspaceId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, prefix: true, access: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true, createdBy: { select: { id: true, name: true, email: true } } },
      }),
      () => tx.invoice.findMany({ where: { workspaceId }, orderBy: { number: "asc" } }),
      () => tx.subscription.findUnique({ where: { workspaceId } }),
    );
  const { slugAliases, logo, logoType, logoUpdatedAt, billingName, billingAddress, billingVatId, ...general } = workspace;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    exportedBy: actor.userId,
    workspace: {
      ...general,
      logo: logo && logoType ? { type: logoType, updatedAt: logoUpdatedAt, base64: Buffer.from(logo).toString("base64") } : null,
      slugAliases,
    },
    members: memberships.map((m) => ({
      membershipId: m.id,
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt,
    })),
    memberGrants: memberships.flatMap((m) =>
      m.grant
        ? [{ membershipId: m.id, email: m.user.email, actions: m.grant.actions, projectIds: m.grant.projectIds, instanceIds: m.grant.instanceIds, serverIds: m.grant.serverIds, updatedAt: m.grant.updatedAt }]
        : [],
    ),
    teams: teams.map(({ members, ...team }) => ({
      ...team,
      members: members.map((tm) => ({ membershipId: tm.membershipId, name: tm.membership.user.name, email: tm.membership.user.email, addedAt: tm.createdAt })),
    })),
    invitations,
    resources: { projects, servers, instances, secrets },
    billing: {
      plan: general.plan,
      balanceMinor: general.balanceMinor,
      currency: general.currency,
      details: { name: billingName, address: billingAddress, vatId: billingVatId },
      subscription,
      transactions,
      invoices,
    },
    quotas: { overrides: quotas, requests: quotaRequests },
    alerting: {
      channels: channels.map(({ urlCiphertext, signingSecretCiphertext, ...channel }) => ({
        ...channel,
        hasUrl: urlCiphertext !== null,
        hasSigningSecret: signingSecretCiphertext !== null,
      })),
      rules,
    },
    ai: ai ? { provider: ai.provider, model: ai.model, baseUrl: ai.baseUrl, hasApiKey: ai.apiKeyCiphertext !== null, updatedAt: ai.updatedAt } : null,
    apiKeys,
  };
}

export type WorkspaceExport = Awaited<ReturnType<typeof readWorkspace>> & { auditLog: ExportedAuditEvent[] };

interface ExportedAuditEvent {
  id: string;
  createdAt: Date;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  apiKey: { id: string; name: string; prefix: string } | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  metadata: Prisma.JsonValue;
}

/** One page of the audit log after `after`, oldest first, with the actor and API key named. */
async function auditPage(workspaceId: string, after: { createdAt: Date; id: string } | null): Promise<ExportedAuditEvent[]> {
  return db().auditEvent.findMany({
    where: {
      workspaceId,
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: AUDIT_PAGE,
    select: {
      id: true, createdAt: true, action: true, targetType: true, targetId: true, ip: true, metadata: true,
      actor: { select: { id: true, name: true, email: true } },
      apiKey: { select: { id: true, name: true, prefix: true } },
    },
  });
}

/**
 * The export as a stream of JSON text: the consistent part first (read and audited before the first
 * byte, so a refusal or failure there is an ordinary error response), then the audit log page by page.
 */
export async function workspaceExportStream(workspaceId: string, actor: Actor): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const head = await db().$transaction((tx) => readWorkspace(tx, workspaceId, actor), { maxWait: 10_000, timeout: 30_000 });
  const encoder = new TextEncoder();
  const opening = JSON.stringify(head, null, 2);
  // `{ …head…, "auditLog": [ event, event, … ] }`: the head's closing brace makes way for the log.
  const prefix = `${opening.slice(0, opening.lastIndexOf("}")).trimEnd()},\n  "auditLog": [`;
  let cursor: { createdAt: Date; id: string } | null = null;
  let first = true;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(prefix));
    },
    async pull(controller) {
      if (done) return;
      try {
        const page = await auditPage(workspaceId, cursor);
        if (page.length > 0) {
          const text = page.map((event, i) => `${first && i === 0 ? "" : ","}\n    ${JSON.stringify(event)}`).join("");
          first = false;
          cursor = page[page.length - 1]!;
          controller.enqueue(encoder.encode(text));
        }
        if (page.length < AUDIT_PAGE) {
          done = true;
          controller.enqueue(encoder.encode(`${first ? "" : "\n  "}]\n}\n`));
          controller.close();
        }
      } catch (error) {
        console.error("[workspace export]", error);
        controller.error(error);
      }
    },
  });
  return { filename: exportFilename(head.workspace.slug, new Date(head.exportedAt)), body };
}
