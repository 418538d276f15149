/**
 * Postgres unique violations arrive as Prisma P2002 whichever driver adapter is in use; the
 * fields are reported in different places depending on the adapter, so both are checked.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: string; meta?: Record<string, unknown>; message?: string };
  if (e.code !== "P2002") return false;
  if (!field) return true;
  const meta = JSON.stringify(e.meta ?? {}) + (e.message ?? "");
  return meta.includes(field);
}
