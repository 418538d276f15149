import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes in the link; only the sha256 is stored, so a database leak yields no usable link. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationTtlMs(): number {
  const days = Number(process.env.INVITATION_TTL_DAYS ?? 7);
  return (Number.isFinite(days) && days > 0 ? days : 7) * 24 * 60 * 60 * 1000;
}
