import { workspaceRoute } from "@/lib/authz/route";
import { backupFor } from "@/lib/resources/access";
import { Refusal } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { requestIp } from "@/lib/authz/session";
import { db } from "@/lib/db";

export const GET = workspaceRoute<{ workspaceSlug: string; instanceId: string; backupId: string }>(
  { name: "backups.download", permission: "backups.manage" },
  async (ctx, params) => {
    const { backup, instance } = await backupFor(ctx, params.backupId, "backups.manage");
    if (instance.id !== params.instanceId) throw Refusal.notFound("That backup");
    // Reading a backup is reading the instance's data: who did it belongs in the audit log.
    await recordAudit(db(), {
      workspaceId: ctx.workspace.id,
      actorId: ctx.user.id,
      action: "backup.downloaded",
      targetType: "backup",
      targetId: backup.id,
      metadata: { instanceId: instance.id },
      ip: await requestIp(),
    });
    const filename = `${instance.name}-${backup.createdAt.toISOString().replace(/[:.]/g, "-")}.json`;
    return new Response(new Uint8Array(backup.content), {
      headers: {
        "content-type": "application/json",
        "content-length": String(backup.sizeBytes),
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
