import { exportAuditEvents } from "@/lib/audit/queries";
import { AuditFilterSchema } from "@/lib/audit/schemas";
import { workspaceRoute } from "@/lib/authz/route";
import { csvResponse, toCsv } from "@/lib/csv";

export const exportAuditRoute = workspaceRoute(
  { name: "audit.export", permission: "audit.read", input: AuditFilterSchema },
  async (ctx, filter) => {
    const events = await exportAuditEvents(ctx.workspace.id, filter);
    const body = toCsv([
      ["time", "actor", "actor_email", "api_key", "action", "target_type", "target_id", "ip", "details"],
      ...events.map((e) => [
        e.createdAt.toISOString(),
        e.actor?.name ?? "",
        e.actor?.email ?? "",
        e.apiKey ? `${e.apiKey.name} (${e.apiKey.prefix}…)` : "",
        e.action,
        e.targetType,
        e.targetId,
        e.ip,
        JSON.stringify(e.metadata),
      ]),
    ]);
    return csvResponse(`${ctx.workspace.slug}-audit-log.csv`, body);
  },
);
