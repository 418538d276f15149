import { z } from "zod";
import { apiRead } from "@/lib/authz/api";
import { PageQuery } from "@/lib/api/pagination";
import { Refusal } from "@/lib/errors";
import { DAY_MAX, DAY_MIN } from "@/lib/dates";
import { recordId, text } from "@/lib/schemas";
import { listAuditEvents, parseCursor } from "./queries";

const AuditEventBody = z
  .object({
    id: z.string(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    createdAt: z.date(),
    actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable().meta({ description: "Null for the system." }),
    apiKey: z
      .object({ id: z.string(), name: z.string(), prefix: z.string() })
      .nullable()
      .meta({ description: "The key the change was made with; the actor is then its creator." }),
  })
  .meta({ id: "AuditEvent" });

const day = (description: string) =>
  z.iso
    .date("A day as YYYY-MM-DD")
    .refine((d) => d >= DAY_MIN && d <= DAY_MAX, "A day from 1970 to 9999")
    .optional()
    .meta({ description });

export const auditApi = [
  apiRead(
    {
      name: "api.audit.list",
      path: "/audit-events",
      tag: "Audit log",
      summary: "List audit events",
      description: "Newest first, 50 a page unless `limit` says otherwise.",
      permission: "audit.read",
      query: PageQuery.extend({
        action: text().max(64).optional().meta({ description: 'Only this action, e.g. "member.role_changed".' }),
        actorId: recordId().optional().meta({ description: "Only events by this user." }),
        from: day("Only events on or after this day (UTC), YYYY-MM-DD."),
        to: day("Only events on or before this day (UTC), YYYY-MM-DD."),
      }),
      response: z
        .object({ data: z.array(AuditEventBody), nextCursor: z.string().nullable() })
        .meta({ id: "AuditEventPage" }),
    },
    async (ctx, { query }) => {
      if (query.cursor !== undefined && !parseCursor(query.cursor)) {
        throw Refusal.field("cursor", "That cursor was not returned by this API. Start again without one.");
      }
      const page = await listAuditEvents(
        ctx.workspace.id,
        { actor: query.actorId, action: query.action, from: query.from, to: query.to, before: query.cursor, who: undefined, after: undefined },
        query.limit,
      );
      return { data: page.events.map((e) => ({ ...e, metadata: (e.metadata ?? {}) as Record<string, unknown> })), nextCursor: page.older };
    },
  ),
];
