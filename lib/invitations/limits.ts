import type { Tx } from "@/lib/db";

const SENT_ACTIONS = ["invitation.created", "invitation.resent"];

function hourlyLimit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * How many more invitation emails may go out this hour, counted from the audit log so the limit
 * holds across app instances. Callers hold the workspace lock, so concurrent invites count in turn.
 */
export async function remainingSends(tx: Tx, workspaceId: string, inviterId: string): Promise<number> {
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
