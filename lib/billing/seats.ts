import type { Tx } from "@/lib/db";
import { pendingWhere } from "@/lib/invitations/status";

/** Members plus pending invitations: what the plan's member cap counts. */
export async function seatsInUse(tx: Tx, workspaceId: string): Promise<number> {
  const [members, pending] = await Promise.all([
    tx.membership.count({ where: { workspaceId } }),
    tx.invitation.count({ where: { workspaceId, ...pendingWhere() } }),
  ]);
  return members + pending;
}
