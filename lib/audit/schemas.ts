import { z } from "zod";
import { dayParam, recordIdParam, searchParam } from "@/lib/schemas";

/** The audit log's filters, from the page's search parameters or the export's query: what makes no sense is ignored. */
export const AuditFilterSchema = z.object({
  actor: recordIdParam,
  /** Part of the actor's name or email. */
  who: searchParam(100),
  action: searchParam(64),
  from: dayParam,
  to: dayParam,
  /** Keyset cursors (see auditCursor in queries.ts): events older than `before`, or newer than `after`. */
  before: searchParam(100),
  after: searchParam(100),
});
export type AuditFilter = z.output<typeof AuditFilterSchema>;
