import { z } from "zod";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordAudit } from "@/lib/audit";
import { effectivePermissions, ROLE_LABEL, ROLE_RANK } from "@/lib/authz/permissions";
import { memberLimit } from "@/lib/quotas/service";
import { EmailSendError, emailTransport } from "@/lib/email";
import { Refusal } from "@/lib/errors";
import { lockWorkspace } from "@/lib/workspaces/lock";
import type { Role } from "@/generated/prisma/enums";
import { emitAlert } from "@/lib/alerting/rules";
import { invitationEmail } from "./email";
import { splitEmailList } from "./schemas";
import { invitationStatus, pendingWhere, STATUS_EXPLANATION } from "./status";
import { hashInvitationToken, invitationTtlMs, newInvitationToken } from "./token";

export interface Inviter {
  id: string;
  ip: string | null;
}

/** The caller's role as it is now, under the workspace lock (the request's copy may be stale). */
async function currentRole(tx: Tx, workspaceId: string, userId: string): Promise<Role> {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  if (!membership) throw Refusal.notFound("That workspace");
  return membership.role;
}

export type InviteOutcome =
  | "invited"
  | "send_failed"
  | "already_member"
  | "already_invited"
  | "invalid"
  | "seat_limit"
  | "rate_limited";

export interface InviteResult {
  email: string;
  outcome: InviteOutcome;
  message: string;
}

/** A link to send once the transaction has committed (mail for a rolled-back invitation would be a lie). */
export interface PendingSend {
  invitationId: string;
  email: string;
  token: string;
  role: Role;
  expiresAt: Date;
}

const SENT_ACTIONS = ["invitation.created", "invitation.resent"];

function hourlyLimit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * How many more invitation emails may go out this hour, counted from the audit log so the limit
 * holds across app instances. Callers hold the workspace lock, so concurrent invites count in turn.
 */
async function remainingSends(tx: Tx, workspaceId: string, inviterId: string): Promise<number> {
  const since = new Date(Date.now() - 60 * 60 * 1000);
  const [byWorkspace, byInviter] = await Promise.all([
    tx.auditEvent.count({ where: { workspaceId, action: { in: SENT_ACTIONS }, createdAt: { gte: since } } }),
    tx.auditEvent.count({ where: { workspaceId, actorId: inviterId, action: { in: SENT_ACTIONS }, createdAt: { gte: since } } }),
  ]);
  return Math.max(
    0,
    Math.min(
      hourlyLimit("INVITE_LIMIT_PER_HOUR_WORKSPACE", 200) - byWorkspace,
      hourlyLimit("INVITE_LIMIT_PER_HOUR_INVITER", 100) - byInviter,
    ),
  );
}

/** Members plus pending invitations: what the plan's member cap counts. */
export async function seatsInUse(tx: Tx, workspaceId: string): Promise<number> {
  const [members, pending] = await Promise.all([
    tx.membership.count({ where: { workspaceId } }),
    tx.invitation.count({ where: { workspaceId, ...pendingWhere() } }),
  ]);
  return members + pending;
}

export function assertMayGrant(actorRole: Role, role: Role, field = "role"): void {
  if (role === "OWNER") throw Refusal.field(field, "A workspace has one owner; use Transfer ownership instead");
  if (ROLE_RANK[role] > ROLE_RANK[actorRole]) {
    throw Refusal.field(field, `You can't grant ${ROLE_LABEL[role]}: it is above your own role`);
  }
}

export async function createInvitations(
  tx: Tx,
  workspaceId: string,
  inviter: Inviter,
  input: { emails: string; role: Role },
): Promise<{ results: InviteResult[]; sends: PendingSend[] }> {
  const workspace = await lockWorkspace(tx, workspaceId);
  const role = await currentRole(tx, workspaceId, inviter.id);
  if (!effectivePermissions(role).actions.has("members.invite")) {
    throw new Refusal("FORBIDDEN", "You don't have permission to invite members to this workspace.");
  }
  assertMayGrant(role, input.role);

  const results: InviteResult[] = [];
  const candidates: string[] = [];
  const seen = new Set<string>();
  for (const raw of splitEmailList(input.emails)) {
    const parsed = z.email().safeParse(raw.toLowerCase());
    if (!parsed.success || parsed.data.length > 254) {
      results.push({ email: raw, outcome: "invalid", message: "Not a valid email address" });
    } else if (!seen.has(parsed.data)) {
      seen.add(parsed.data);
      candidates.push(parsed.data);
    }
  }

  const [members, existing] = await Promise.all([
    tx.membership.findMany({
      where: { workspaceId, user: { email: { in: candidates } } },
      select: { user: { select: { email: true } } },
    }),
    tx.invitation.findMany({ where: { workspaceId, email: { in: candidates } } }),
  ]);
  const memberEmails = new Set(members.map((m) => m.user.email));
  const existingByEmail = new Map(existing.map((inv) => [inv.email, inv]));

  let freeSeats = (await memberLimit(tx, workspaceId, workspace.plan)) - (await seatsInUse(tx, workspaceId));
  let sendsLeft = await remainingSends(tx, workspaceId, inviter.id);
  const sends: PendingSend[] = [];
  const expiresAt = new Date(Date.now() + invitationTtlMs());

  for (const email of candidates) {
    const previous = existingByEmail.get(email);
    if (memberEmails.has(email)) {
      results.push({ email, outcome: "already_member", message: "Already a member" });
      continue;
    }
    if (previous && invitationStatus(previous) === "pending") {
      results.push({ email, outcome: "already_invited", message: "Already invited; use Resend on the pending row" });
      continue;
    }
    if (freeSeats <= 0) {
      results.push({ email, outcome: "seat_limit", message: "No seat left: the members quota is reached" });
      continue;
    }
    if (sendsLeft <= 0) {
      results.push({ email, outcome: "rate_limited", message: "Too many invitations this hour; try again later" });
      continue;
    }
    const { token, tokenHash } = newInvitationToken();
    const fresh = {
      role: input.role,
      tokenHash,
      expiresAt,
      invitedById: inviter.id,
      acceptedAt: null,
      acceptedById: null,
      revokedAt: null,
      declinedAt: null,
      lastSentAt: null,
      sendError: null,
    };
    let invitation;
    try {
      // An old invitation to this address (expired, revoked, declined, or used by someone who has
      // since left) is reused with a new token: its old link stays dead.
      invitation = previous
        ? await tx.invitation.update({ where: { id: previous.id }, data: fresh })
        : await tx.invitation.create({ data: { ...fresh, workspaceId, email } });
    } catch (error) {
      if (isUniqueViolation(error)) {
        results.push({ email, outcome: "already_invited", message: "Already invited" });
        continue;
      }
      throw error;
    }
    freeSeats -= 1;
    sendsLeft -= 1;
    await recordAudit(tx, {
      workspaceId,
      actorId: inviter.id,
      action: "invitation.created",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email, role: input.role },
      ip: inviter.ip,
    });
    sends.push({ invitationId: invitation.id, email, token, role: input.role, expiresAt });
    results.push({ email, outcome: "invited", message: `Invited as ${ROLE_LABEL[input.role]}` });
  }
  return { results, sends };
}

/** Sends each invitation; a failure is kept on the row (shown, resendable) instead of being thrown. */
export async function deliverInvitations(
  sends: PendingSend[],
  context: { workspaceName: string; inviterName: string; origin: string },
): Promise<Map<string, string | null>> {
  const transport = emailTransport();
  const outcomes = new Map<string, string | null>();
  for (const send of sends) {
    const link = `${context.origin}/invite/${send.token}`;
    let error: string | null = null;
    try {
      await transport.send(
        invitationEmail({
          to: send.email,
          invitationId: send.invitationId,
          workspaceName: context.workspaceName,
          inviterName: context.inviterName,
          role: send.role,
          link,
          expiresAt: send.expiresAt,
        }),
      );
    } catch (e) {
      error = e instanceof EmailSendError ? e.message : "The email could not be sent.";
      if (!(e instanceof EmailSendError)) console.error("[email]", e);
    }
    await db().invitation.update({
      where: { id: send.invitationId },
      data: error ? { sendError: error } : { sendError: null, lastSentAt: new Date() },
    });
    outcomes.set(send.invitationId, error);
  }
  return outcomes;
}

async function invitationInWorkspace(tx: Tx, workspaceId: string, invitationId: string) {
  const invitation = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId } });
  if (!invitation) throw Refusal.notFound("That invitation");
  return invitation;
}

/** A new token (the old link dies) and a new expiry; accepted, revoked and declined ones stay closed. */
export async function resendInvitation(tx: Tx, workspaceId: string, inviter: Inviter, invitationId: string): Promise<PendingSend> {
  await lockWorkspace(tx, workspaceId);
  const invitation = await invitationInWorkspace(tx, workspaceId, invitationId);
  const status = invitationStatus(invitation);
  if (status !== "pending" && status !== "expired") {
    throw new Refusal("CONFLICT", `${STATUS_EXPLANATION[status]} Send a new invitation instead.`);
  }
  assertMayGrant(await currentRole(tx, workspaceId, inviter.id), invitation.role);
  if ((await remainingSends(tx, workspaceId, inviter.id)) <= 0) {
    throw new Refusal("LIMIT", "Too many invitations this hour; try again later.");
  }
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + invitationTtlMs());
  await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash, expiresAt, sendError: null } });
  await recordAudit(tx, {
    workspaceId,
    actorId: inviter.id,
    action: "invitation.resent",
    targetType: "invitation",
    targetId: invitation.id,
    metadata: { email: invitation.email },
    ip: inviter.ip,
  });
  return { invitationId: invitation.id, email: invitation.email, token, role: invitation.role, expiresAt };
}

export async function revokeInvitation(tx: Tx, workspaceId: string, inviter: Inviter, invitationId: string): Promise<void> {
  await lockWorkspace(tx, workspaceId);
  const invitation = await invitationInWorkspace(tx, workspaceId, invitationId);
  const status = invitationStatus(invitation);
  if (status !== "pending" && status !== "expired") throw new Refusal("CONFLICT", STATUS_EXPLANATION[status]);
  await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
  await recordAudit(tx, {
    workspaceId,
    actorId: inviter.id,
    action: "invitation.revoked",
    targetType: "invitation",
    targetId: invitation.id,
    metadata: { email: invitation.email },
    ip: inviter.ip,
  });
}

/** The demo's "Copy invite link": only mail the local transport recorded has one to give. */
export async function recordedInviteLink(workspaceId: string, invitationId: string): Promise<string> {
  const invitation = await db().invitation.findFirst({ where: { id: invitationId, workspaceId } });
  if (!invitation) throw Refusal.notFound("That invitation");
  if (invitationStatus(invitation) !== "pending") throw new Refusal("CONFLICT", "Only a pending invitation has a working link.");
  const mail = await db().recordedEmail.findFirst({
    where: { invitationId },
    orderBy: { createdAt: "desc" },
    select: { meta: true },
  });
  const link = (mail?.meta as { link?: unknown } | null)?.link;
  if (typeof link !== "string") throw new Refusal("NOT_FOUND", "No recorded email holds a link for this invitation; resend it.");
  return link;
}

export type InvitationForToken = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

export async function findInvitationByToken(token: string) {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return null;
  return db().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      declinedAt: true,
      workspace: { select: { id: true, name: true, slug: true } },
      invitedBy: { select: { name: true } },
    },
  });
}

/**
 * Joins the invitation's workspace as the signed-in user. Decided under the workspace lock, so of
 * many concurrent accepts of one link exactly one joins, and accepts never pass the seat limit.
 */
export async function acceptInvitation(
  tx: Tx,
  user: { id: string; email: string },
  token: string,
  ip: string | null,
): Promise<{ workspaceSlug: string }> {
  const found = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: { workspaceId: true } });
  if (!found) throw Refusal.notFound("This invitation link");
  const workspace = await lockWorkspace(tx, found.workspaceId);
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
  if (!invitation) throw Refusal.notFound("This invitation link");
  const status = invitationStatus(invitation);
  if (status !== "pending") throw new Refusal("CONFLICT", `${STATUS_EXPLANATION[status]} Ask for a new invitation.`);
  if (invitation.email !== user.email) {
    throw new Refusal("FORBIDDEN", `This invitation is for ${invitation.email}; you are signed in as ${user.email}.`);
  }
  const alreadyMember = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
    select: { id: true },
  });
  if (alreadyMember) throw new Refusal("CONFLICT", "You are already a member of this workspace.");
  // Invitations reserve seats when sent, but a plan change or a race can leave more pending than
  // seats; the member count is what must never pass the cap.
  const members = await tx.membership.count({ where: { workspaceId: workspace.id } });
  if (members >= (await memberLimit(tx, workspace.id, workspace.plan))) {
    throw new Refusal("LIMIT", "This workspace has no seat left on its plan. Ask its owner to upgrade.");
  }
  const membership = await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: invitation.role } });
  await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedById: user.id } });
  await recordAudit(tx, {
    workspaceId: workspace.id,
    actorId: user.id,
    action: "invitation.accepted",
    targetType: "membership",
    targetId: membership.id,
    metadata: { email: invitation.email, role: invitation.role, invitationId: invitation.id },
    ip,
  });
  await emitAlert(tx, workspace, { kind: "MEMBER_JOINED", email: invitation.email, role: invitation.role });
  return { workspaceSlug: workspace.slug };
}

export async function declineInvitation(tx: Tx, user: { id: string; email: string }, token: string, ip: string | null): Promise<void> {
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
  if (!invitation) throw Refusal.notFound("This invitation link");
  await lockWorkspace(tx, invitation.workspaceId);
  const current = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
  const status = invitationStatus(current);
  if (status !== "pending") throw new Refusal("CONFLICT", STATUS_EXPLANATION[status]);
  if (current.email !== user.email) {
    throw new Refusal("FORBIDDEN", `This invitation is for ${current.email}; you are signed in as ${user.email}.`);
  }
  await tx.invitation.update({ where: { id: current.id }, data: { declinedAt: new Date() } });
  await recordAudit(tx, {
    workspaceId: current.workspaceId,
    actorId: user.id,
    action: "invitation.declined",
    targetType: "invitation",
    targetId: current.id,
    metadata: { email: current.email },
    ip,
  });
}

export const INVITATIONS_PAGE_SIZE = 25;

/**
 * Invitations not yet answered (expired ones included, to resend), with the inviter's name and the
 * total, one page in one statement.
 */
export async function listPendingInvitations(workspaceId: string, page = 1) {
  const current = Math.max(1, Math.floor(page));
  const rows = await db().$queryRaw<
    {
      id: string;
      email: string;
      role: Role;
      createdAt: Date;
      lastSentAt: Date | null;
      expiresAt: Date;
      sendError: string | null;
      invitedBy: { name: string } | null;
      total: number;
    }[]
  >`
    SELECT i.id, i.email, i.role::text AS role, i."createdAt", i."lastSentAt", i."expiresAt", i."sendError",
      CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name) END AS "invitedBy",
      (SELECT count(*)::int FROM "Invitation" WHERE "workspaceId" = ${workspaceId} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "declinedAt" IS NULL) AS total
    FROM "Invitation" i LEFT JOIN "User" u ON u.id = i."invitedById"
    WHERE i."workspaceId" = ${workspaceId} AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL AND i."declinedAt" IS NULL
    ORDER BY i."createdAt" DESC, i.id DESC
    LIMIT ${INVITATIONS_PAGE_SIZE} OFFSET ${(current - 1) * INVITATIONS_PAGE_SIZE}`;
  const total = rows[0]?.total ?? 0;
  const invitations = rows.map(({ total: _total, ...inv }) => {
    const dates = { createdAt: new Date(inv.createdAt), lastSentAt: inv.lastSentAt ? new Date(inv.lastSentAt) : null, expiresAt: new Date(inv.expiresAt) };
    return { ...inv, ...dates, status: invitationStatus({ acceptedAt: null, revokedAt: null, declinedAt: null, expiresAt: dates.expiresAt }) };
  });
  return { total, page: current, pageCount: Math.max(1, Math.ceil(total / INVITATIONS_PAGE_SIZE)), invitations };
}
