import { z } from "zod";

export const AuditFilterSchema = z.object({
  actor: z.string().max(64).optional().catch(undefined),
  /** Part of the actor's name or email. */
  who: z.string().trim().max(100).optional().catch(undefined),
  action: z.string().max(64).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  /** Keyset cursors (see auditCursor in queries.ts): events older than `before`, or newer than `after`. */
  before: z.string().max(100).optional().catch(undefined),
  after: z.string().max(100).optional().catch(undefined),
});
export type AuditFilter = z.output<typeof AuditFilterSchema>;
