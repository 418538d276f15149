import { db } from "@/lib/db";
import type { SecurityEventKind } from "./service";

export const SECURITY_LOG_PAGE_SIZE = 50;

/** The account's latest security events, newest first (by the userId, createdAt, id index). */
export async function listSecurityEvents(userId: string) {
  const rows = await db().securityEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SECURITY_LOG_PAGE_SIZE,
    select: { id: true, kind: true, ip: true, userAgent: true, metadata: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, kind: row.kind as SecurityEventKind }));
}
