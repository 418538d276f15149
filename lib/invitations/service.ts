import { z } from "zod";
import type { Actor, WorkspaceActionContext } from "@/lib/authz/types";
import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordAudit } from "@/lib/audit";
import { assertMayGrant } from "@/lib/authz/grant-rules";
import { mayGrantRole, ROLE_LABEL, roleHolds, ROLES } from "@/lib/authz/permissions";
import { seatsInUse } from "@/lib/billing/seats";
import { memberLimit } from "@/lib/quotas/queries";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { lockWorkspace } from "@/lib/workspaces/lock";
import type { Role } from "@/generated/prisma/enums";
import { emitAlert } from "@/lib/alerting/rules";
import { recordSecurityEvent } from "@/lib/security-log/service";
import { queueInvitationEmail } from "./delivery";
import { remainingSends } from "./limits";
import { splitEmailList } from "./schemas";
import { invitationStatus, pendingWhere } from "./status";
import { hashLinkToken, newLinkToken } from "@/lib/crypto/link-token";
import { invitationTtlMs } from "./token";

type Ctx = WorkspaceActionContext;

/** The caller's role as it is now, under the workspace lock (the request's copy may be stale). */
async function currentRole(tx: Tx, workspaceId: string, userId: string): Promise<Role> {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  if (!membership) throw new Refusal("NOT_FOUND", messageKey("errors.invitations.workspaceNotFound"));
  return membership.role;
}

// The invitation binds the address it was sent to, so the email compared is the stored one, never
// one a caller passes along.
async function invitee(tx: Tx, actor: Actor): Promise<{ id: string; email: string }> {
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { id: true, email: true } });
  if (!user) throw new Refusal("UNAUTHENTICATED", messageKey("errors.authz.sessionEnded"));
  return user;
}

export type InviteOutcome =
  | "invited"
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

export async function createInvitations(
  ctx: Ctx,
  input: { emails: string; role: Role },
): Promise<{ results: InviteResult[] }> {
  const { tx, actor } = ctx;
  const workspaceId = ctx.workspace.id;
  const workspace = await lockWorkspace(tx, workspaceId);
  const role = await currentRole(tx, workspaceId, actor.userId);
  if (!roleHolds(role, "members.invite")) {
    throw new Refusal("FORBIDDEN", messageKey("errors.invitations.forbiddenInvite"));
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
  let sendsLeft = await remainingSends(tx, workspaceId, actor.userId);
  const expiresAt = new Date(Date.now() + invitationTtlMs());

  for (const email of candidates) {
    const previous = existingByEmail.get(email);
    if (memberEmails.has(email)) {
      results.push({ email, outcome: "already_member", message: "Already a member" });
      continue;
    }
    if (previous && invitationStatus(previous) === "pending") {
      results.push({ email, outcome: "already_invited", message: "Already invited; use Send again on the pending row" });
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
    const { token, tokenHash } = newLinkToken();
    const fresh = {
      role: input.role,
      tokenHash,
      expiresAt,
      invitedById: actor.userId,
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
    await ctx.audit({ action: "invitation.created", targetType: "invitation", targetId: invitation.id, metadata: { email, role: input.role } });
    await queueInvitationEmail(ctx, { invitationId: invitation.id, email, token, role: input.role, expiresAt });
    results.push({ email, outcome: "invited", message: `Invited as ${ROLE_LABEL[input.role]}` });
  }
  return { results };
}

async function invitationInWorkspace(tx: Tx, workspaceId: string, invitationId: string) {
  const invitation = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId } });
  if (!invitation) throw new Refusal("NOT_FOUND", messageKey("errors.invitations.invitationNotFound"));
  return invitation;
}

/** A new token (the old link dies) and a new expiry; accepted, revoked and declined ones stay closed. */
export async function resendInvitation(ctx: Ctx, invitationId: string): Promise<void> {
  const { tx, actor } = ctx;
  const workspaceId = ctx.workspace.id;
  await lockWorkspace(tx, workspaceId);
  const invitation = await invitationInWorkspace(tx, workspaceId, invitationId);
  const status = invitationStatus(invitation);
  if (status !== "pending" && status !== "expired") {
    throw new Refusal("CONFLICT", messageKey("errors.invitations.closedSendNew", { status }));
  }
  assertMayGrant(await currentRole(tx, workspaceId, actor.userId), invitation.role);
  if ((await remainingSends(tx, workspaceId, actor.userId)) <= 0) {
    throw new Refusal("LIMIT", messageKey("errors.invitations.tooManySends"));
  }
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + invitationTtlMs());
  await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash, expiresAt, sendError: null } });
  await ctx.audit({ action: "invitation.resent", targetType: "invitation", targetId: invitation.id, metadata: { email: invitation.email } });
  await queueInvitationEmail(ctx, { invitationId: invitation.id, email: invitation.email, token, role: invitation.role, expiresAt });
}

export async function revokeInvitation(ctx: Ctx, invitationId: string): Promise<void> {
  const { tx } = ctx;
  const workspaceId = ctx.workspace.id;
  await lockWorkspace(tx, workspaceId);
  const invitation = await invitationInWorkspace(tx, workspaceId, invitationId);
  const status = invitationStatus(invitation);
  if (status !== "pending" && status !== "expired") throw new Refusal("CONFLICT", messageKey("errors.invitations.closed", { status }));
  await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
  await ctx.audit({ action: "invitation.revoked", targetType: "invitation", targetId: invitation.id, metadata: { email: invitation.email } });
}

/**
 * An inviter's pending invitations die with their standing, in the transaction that changes it: all of
 * them when they leave or are removed (`role` null), and, on a demotion, each whose role the new one
 * could not grant (every one, below a role that may invite). A removed admin must not walk back in
 * through an address they invited. The caller holds the workspace lock.
 */
export async function revokeInvitationsBeyond(ctx: Ctx, inviterUserId: string, role: Role | null): Promise<number> {
  const canInvite = role !== null && roleHolds(role, "members.invite");
  const beyond = ROLES.filter((invited) => !canInvite || !mayGrantRole(role, invited));
  if (beyond.length === 0) return 0;
  const { count } = await ctx.tx.invitation.updateMany({
    where: { workspaceId: ctx.workspace.id, invitedById: inviterUserId, role: { in: beyond }, ...pendingWhere() },
    data: { revokedAt: new Date() },
  });
  if (count > 0) {
    await ctx.audit({ action: "invitations.revoked_with_inviter", targetType: "user", targetId: inviterUserId, metadata: { count, inviterRole: role } });
  }
  return count;
}

/**
 * Joins the invitation's workspace as the signed-in user. Decided under the workspace lock, so of
 * many concurrent accepts of one link exactly one joins, and accepts never pass the seat limit.
 */
export async function acceptInvitation(tx: Tx, actor: Actor, token: string): Promise<{ workspaceSlug: string }> {
  const user = await invitee(tx, actor);
  const found = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) }, select: { workspaceId: true } });
  if (!found) throw new Refusal("NOT_FOUND", messageKey("errors.invitations.linkNotFound"));
  const workspace = await lockWorkspace(tx, found.workspaceId);
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!invitation) throw new Refusal("NOT_FOUND", messageKey("errors.invitations.linkNotFound"));
  // Deleting a workspace revokes its invitations; whatever the row says, a deleted one answers alike.
  const status = workspace.deletedAt ? "revoked" : invitationStatus(invitation);
  if (status !== "pending") throw new Refusal("CONFLICT", messageKey("errors.invitations.closedAskNew", { status }));
  if (invitation.email !== user.email) {
    throw new Refusal("FORBIDDEN", messageKey("errors.invitations.otherEmail", { invited: invitation.email, signedIn: user.email }));
  }
  const alreadyMember = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
    select: { id: true },
  });
  if (alreadyMember) throw new Refusal("CONFLICT", messageKey("errors.invitations.alreadyMember"));
  // Invitations reserve seats when sent, but a plan change or a race can leave more pending than
  // seats; the member count is what must never pass the cap.
  const members = await tx.membership.count({ where: { workspaceId: workspace.id } });
  if (members >= (await memberLimit(tx, workspace.id, workspace.plan))) {
    throw new Refusal("LIMIT", messageKey("errors.invitations.noSeat"));
  }
  const membership = await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: invitation.role } });
  await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedById: user.id } });
  // The link was mailed to this address and the account has it: the mailbox is proven.
  const verified = await tx.user.updateMany({ where: { id: user.id, email: invitation.email, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
  if (verified.count > 0) await recordSecurityEvent({ userId: user.id, kind: "email_verified", ip: actor.ip, metadata: { via: "invitation" } }, tx);
  await recordAudit(tx, {
    workspaceId: workspace.id,
    actorId: user.id,
    action: "invitation.accepted",
    targetType: "membership",
    targetId: membership.id,
    metadata: { email: invitation.email, role: invitation.role, invitationId: invitation.id },
    ip: actor.ip,
  });
  await emitAlert(tx, workspace, { kind: "MEMBER_JOINED", email: invitation.email, role: invitation.role });
  return { workspaceSlug: workspace.slug };
}

export async function declineInvitation(tx: Tx, actor: Actor, token: string): Promise<void> {
  const user = await invitee(tx, actor);
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!invitation) throw new Refusal("NOT_FOUND", messageKey("errors.invitations.linkNotFound"));
  const workspace = await lockWorkspace(tx, invitation.workspaceId);
  const current = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
  const status = workspace.deletedAt ? "revoked" : invitationStatus(current);
  if (status !== "pending") throw new Refusal("CONFLICT", messageKey("errors.invitations.closed", { status }));
  if (current.email !== user.email) {
    throw new Refusal("FORBIDDEN", messageKey("errors.invitations.otherEmail", { invited: current.email, signedIn: user.email }));
  }
  await tx.invitation.update({ where: { id: current.id }, data: { declinedAt: new Date() } });
  await recordAudit(tx, {
    workspaceId: current.workspaceId,
    actorId: user.id,
    action: "invitation.declined",
    targetType: "invitation",
    targetId: current.id,
    metadata: { email: current.email },
    ip: actor.ip,
  });
}
