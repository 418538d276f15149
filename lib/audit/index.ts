import type { Tx } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";

export interface AuditInput {
  workspaceId: string;
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonObject;
  ip?: string | null;
  /** The API key the change was made with, if any; actorId is then its creator. */
  apiKeyId?: string | null;
}

/** Written with the caller's transaction client, so the event exists exactly when the change does. */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      metadata: event.metadata ?? {},
      ip: event.ip ?? null,
      apiKeyId: event.apiKeyId ?? null,
    },
  });
}
