import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { workspaceRoute } from "@/lib/authz/route";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { BACKUP_NOT_FOUND, backupFor } from "@/lib/resources/access";
import { instanceParents } from "@/lib/resources/queries";
import { recordId } from "@/lib/schemas";

export const downloadBackupRoute = workspaceRoute(
  {
    name: "backups.download",
    permission: "backups.manage",
    input: z.object({ instanceId: recordId(), backupId: recordId() }),
  },
  async (ctx, params) => {
    const { backup, instance } = await backupFor(ctx, params.backupId, "backups.manage");
    if (instance.id !== params.instanceId) throw new Refusal("NOT_FOUND", BACKUP_NOT_FOUND);
    // Reading a backup is reading the instance's data: who did it belongs in the audit log.
    await recordAudit(db(), {
      workspaceId: ctx.workspace.id,
      actorId: ctx.actor.userId,
      action: "backup.downloaded",
      targetType: "backup",
      targetId: backup.id,
      metadata: { instanceId: instance.id },
      ip: ctx.actor.ip,
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

/**
 * The projects and servers a new instance may go on, as the create-instance dialog's options. Loaded when
 * the dialog is about to open, not sent with the instances page: in a workspace of hundreds of projects
 * that list was a sixth of the page.
 */
export const instanceParentsRoute = workspaceRoute({ name: "instances.parents", permission: "resources.manage" }, async (ctx) => {
  const { projects, servers } = await instanceParents(ctx.workspace.id);
  const options = (rows: { id: string; name: string }[]) => rows.map((row) => ({ value: row.id, label: row.name }));
  return Response.json({ projects: options(projects), servers: options(servers) }, { headers: { "cache-control": "private, no-store" } });
});
