import { db } from "@/lib/db";
import { openRecorded } from "@/lib/email";
import { Refusal } from "@/lib/errors";
import type { Role } from "@/generated/prisma/enums";
import { pageParam } from "@/lib/schemas";
import { invitationStatus } from "./status";
import { hashLinkToken, isLinkToken } from "@/lib/crypto/link-token";

export type InvitationForToken = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

export async function findInvitationByToken(token: string) {
  if (!isLinkToken(token)) return null;
  return db().invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
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
  const sealed = (mail?.meta as { linkCiphertext?: unknown } | null)?.linkCiphertext;
  if (typeof sealed !== "string") throw new Refusal("NOT_FOUND", "No recorded email holds a link for this invitation; resend it.");
  return openRecorded(sealed);
}

export const INVITATIONS_PAGE_SIZE = 25;

/**
 * Invitations not yet answered (expired ones included, to resend), with the inviter's name and the
 * total, one page in one statement.
 */
export async function listPendingInvitations(workspaceId: string, page = 1) {
  const current = pageParam.parse(page);
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
