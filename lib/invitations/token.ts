export function invitationTtlMs(): number {
  const days = Number(process.env.INVITATION_TTL_DAYS ?? 7);
  return (Number.isFinite(days) && days > 0 ? days : 7) * 24 * 60 * 60 * 1000;
}
