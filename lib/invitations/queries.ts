import { db } from "@/lib/db";
import { emailState } from "@/lib/email/outbox";
import { openRecorded } from "@/lib/email";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { Role } from "@/generated/prisma/enums";
import { cappedCountSql, cutKeysetPage, keysetSql, pagePosition, timeCursor, timeValues } from "@/lib/api/pagination";
import type { PageLink } from "@/lib/schemas";
import { Prisma } from "@/generated/prisma/client";
import { invitationStatus } from "./status";
import { hashLinkToken, isLinkToken } from "@/lib/crypto/link-token";

export type InvitationForToken = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

/**
 * The invitation a link's token names. A deleted workspace's invitation reads as revoked (its deletion
 * revoked it; `revokedAt` falls back to the deletion time in case one escaped), so every page and
 * action that asks `invitationStatus` answers it like a revoked one.
 */
export async function findInvitationByToken(token: string) {
  if (!isLinkToken(token)) return null;
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      declinedAt: true,
      workspace: { select: { id: true, name: true, slug: true, deletedAt: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) return null;
  const { deletedAt, ...workspace } = invitation.workspace;
  return { ...invitation, workspace, revokedAt: invitation.revokedAt ?? deletedAt };
}

/** The demo's "Copy invite link": the link of the invitation's latest email in the outbox (sealed there). */
export async function recordedInviteLink(workspaceId: string, invitationId: string): Promise<string> {
  const invitation = await db().invitation.findFirst({ where: { id: invitationId, workspaceId } });
  if (!invitation) throw new Refusal("NOT_FOUND", messageKey("errors.invitations.invitationNotFound"));
  if (invitationStatus(invitation) !== "pending") throw new Refusal("CONFLICT", messageKey("errors.invitations.onlyPendingHasLink"));
  const mail = await db().outboundEmail.findFirst({
    where: { invitationId, linkCiphertext: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { linkCiphertext: true },
  });
  if (!mail?.linkCiphertext) throw new Refusal("NOT_FOUND", messageKey("errors.invitations.noRecordedLink"));
  return openRecorded(mail.linkCiphertext);
}

export const INVITATIONS_PAGE_SIZE = 25;

/**
 * Invitations not yet answered (expired ones included, to resend), newest first, with the inviter's name and
 * the total (counted up to COUNT_CAP), one page in one statement, read by keyset from where the link says.
 */
export async function listPendingInvitations(workspaceId: string, link: PageLink = {}) {
  const position = pagePosition(link, 2, timeValues);
  const keyset = keysetSql(position, "desc", ['i."createdAt"', "i.id"]);
  const pending = Prisma.sql`"workspaceId" = ${workspaceId} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "declinedAt" IS NULL`;
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
      email_: { status: string; attempts: number; nextAttemptAt: string; lastError: string | null } | null;
      total: number;
    }[]
  >`
    SELECT i.id, i.email, i.role::text AS role, i."createdAt", i."lastSentAt", i."expiresAt", i."sendError",
      CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name) END AS "invitedBy",
      (SELECT json_build_object('status', o.status, 'attempts', o.attempts, 'nextAttemptAt', o."nextAttemptAt", 'lastError', o."lastError")
         FROM "OutboundEmail" o WHERE o."invitationId" = i.id ORDER BY o."createdAt" DESC LIMIT 1) AS "email_",
      ${cappedCountSql(Prisma.sql`FROM "Invitation" WHERE ${pending}`)} AS total
    FROM "Invitation" i LEFT JOIN "User" u ON u.id = i."invitedById"
    WHERE i."workspaceId" = ${workspaceId} AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL AND i."declinedAt" IS NULL AND ${keyset.where}
    ORDER BY ${keyset.orderBy}
    LIMIT ${INVITATIONS_PAGE_SIZE + 1}`;
  const total = rows[0]?.total ?? 0;
  const invitations = rows.map(({ total: _total, email_, ...inv }) => {
    const dates = { createdAt: new Date(inv.createdAt), lastSentAt: inv.lastSentAt ? new Date(inv.lastSentAt) : null, expiresAt: new Date(inv.expiresAt) };
    // Where its latest email stands in the outbox: sending, sent, failed and retrying, or failed for good.
    const delivery = email_
      ? { state: emailState(email_), lastError: email_.lastError, nextAttemptAt: new Date(email_.nextAttemptAt) }
      : null;
    return { ...inv, ...dates, delivery, status: invitationStatus({ acceptedAt: null, revokedAt: null, declinedAt: null, expiresAt: dates.expiresAt }) };
  });
  const page = cutKeysetPage(invitations, INVITATIONS_PAGE_SIZE, position, timeCursor);
  return { total, invitations: page.rows, previous: page.previous, next: page.next };
}
