export type InvitationStatus = "pending" | "expired" | "revoked" | "accepted" | "declined";

export interface InvitationState {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  declinedAt: Date | null;
  expiresAt: Date;
}

export function invitationStatus(invitation: InvitationState, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.declinedAt) return "declined";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** A Prisma filter for invitations that are still pending at `now` (they hold a seat). */
export function pendingWhere(now = new Date()) {
  return { acceptedAt: null, revokedAt: null, declinedAt: null, expiresAt: { gt: now } };
}
