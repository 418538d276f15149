/**
 * How long a deleted workspace can be restored before the worker purges it:
 * `WORKSPACE_RESTORE_DAYS` (default 14; whole or fractional days, more than 0).
 */
export function workspaceRestoreDays(): number {
  const days = Number(process.env.WORKSPACE_RESTORE_DAYS ?? 14);
  return Number.isFinite(days) && days > 0 ? days : 14;
}

/** When a workspace deleted at `deletedAt` is purged. */
export function purgeAfterFor(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + workspaceRestoreDays() * 24 * 60 * 60 * 1000);
}
