import type { Tx } from "@/lib/db";
import type { Plan } from "@/generated/prisma/enums";

/**
 * Locks the workspace row until the transaction ends. Everything that counts members or owners, or
 * moves a role, takes this lock first, so two concurrent changes are decided one after the other on
 * fresh data: "exactly one owner", seat limits and invitation rate limits cannot be raced past.
 */
export interface LockedWorkspace {
  id: string;
  name: string;
  slug: string;
  plan: Plan;
  kind: string;
  /** Read under the lock, so a balance change computed from it cannot be raced. */
  balanceMinor: number;
  currency: string;
  /** Set while the workspace is deleted (restorable until its purge); nothing may join or act in it. */
  deletedAt: Date | string | null;
}

/**
 * Locks a user row until the transaction ends: what a user may own, and their two-factor state, are
 * decided one change at a time.
 */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}

export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<LockedWorkspace> {
  const rows = await tx.$queryRaw<LockedWorkspace[]>`
    SELECT id, name, slug, plan::text AS plan, kind::text AS kind, "balanceMinor", currency, "deletedAt" FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error(`Workspace ${workspaceId} vanished while locked`);
  return row;
}
