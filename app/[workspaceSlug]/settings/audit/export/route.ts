import { AuditFilterSchema, exportAuditEvents } from "@/lib/audit/query";
import { workspaceRoute } from "@/lib/authz/route";
import { csvResponse, toCsv } from "@/lib/csv";

export const GET = workspaceRoute<{ workspaceSlug: string }>({ name: "audit.export", permission: "audit.read" }, async (ctx, _params, request) => {
  const filter = AuditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const events = await exportAuditEvents(ctx.workspace.id, filter);
  const body = toCsv([
    ["time", "actor", "actor_email", "action", "target_type", "target_id", "ip", "details"],
    ...events.map((e) => [
      e.createdAt.toISOString(),
      e.actor?.name ?? "",
      e.actor?.email ?? "",
      e.action,
      e.targetType,
      e.targetId,
      e.ip,
      JSON.stringify(e.metadata),
    ]),
  ]);
  return csvResponse(`${ctx.workspace.slug}-audit-log.csv`, body);
});
