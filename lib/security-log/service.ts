import type { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";

/** What the account's security log records; the account page words each kind. */
const SECURITY_EVENT_KINDS = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "session_revoked",
  "sessions_revoked",
  "password_changed",
  "password_reset",
  "password_reset_requested",
  "email_verified",
  "email_change_requested",
  "email_changed",
  "two_factor_enabled",
  "two_factor_disabled",
  "recovery_code_used",
  "recovery_codes_regenerated",
] as const;

export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface SecurityEventInput {
  userId: string;
  kind: SecurityEventKind;
  ip?: string | null;
  userAgent?: string | null;
  metadata?: Prisma.InputJsonObject;
}

/** Written in the caller's transaction when there is one, so the entry exists exactly when the change does. */
export async function recordSecurityEvent(event: SecurityEventInput, client: Tx = db()): Promise<void> {
  await client.securityEvent.create({
    data: {
      userId: event.userId,
      kind: event.kind,
      ip: event.ip ?? null,
      userAgent: event.userAgent ?? null,
      metadata: event.metadata ?? {},
    },
  });
}
