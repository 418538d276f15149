import { z } from "zod";
import { GRANTABLE_KEYS, type GrantableKey } from "@/lib/authz/permissions";
import { DAY_MAX } from "@/lib/dates";
import { messageKey } from "@/lib/i18n/message-key";
import { recordId, text } from "@/lib/schemas";

export const RESOURCE_KINDS = ["project", "instance", "server"] as const;
export type AccessResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * Keys that only mean something on a project (or in general): asking for them on one instance or
 * server would approve a grant that does nothing there.
 */
const PROJECT_ONLY: ReadonlySet<GrantableKey> = new Set(["projects.access", "projects.merge"]);

/** Whether `permission` can be asked for on a resource of this kind (null: in general). */
export function permissionFitsKind(permission: GrantableKey, kind: AccessResourceKind | null): boolean {
  return kind === null || kind === "project" || !PROJECT_ONLY.has(permission);
}

const reason = text()
  .trim()
  .min(10, messageKey("validation.accessRequests.reasonTooShort", { min: 10 }))
  .max(500, messageKey("validation.accessRequests.reasonTooLong", { max: 500 }));
const note = text().trim().max(500, messageKey("validation.accessRequests.noteTooLong", { max: 500 }));

export const CreateAccessRequestSchema = z
  .object({
    permission: z.enum(GRANTABLE_KEYS, { message: messageKey("validation.accessRequests.choosePermission") }),
    // Empty from a form's hidden value means "in general", like absent.
    resourceKind: z.enum(RESOURCE_KINDS).or(z.literal("")).optional(),
    resourceId: recordId().or(z.literal("")).optional(),
    reason,
  })
  .refine((value) => Boolean(value.resourceKind) === Boolean(value.resourceId), {
    message: messageKey("validation.accessRequests.resourceIncomplete"),
    path: ["resourceId"],
  })
  .refine((value) => permissionFitsKind(value.permission, value.resourceKind || null), {
    message: messageKey("validation.accessRequests.projectsOnly"),
    path: ["permission"],
  });
export type CreateAccessRequestInput = z.input<typeof CreateAccessRequestSchema>;

/** How long an approval lasts; "date" ends it at the end of `until` (UTC). */
export const EXPIRY_CHOICES = ["1h", "24h", "7d", "date", "never"] as const;

export const ApproveAccessRequestSchema = z
  .object({
    requestId: recordId(),
    expiry: z.enum(EXPIRY_CHOICES, { message: messageKey("validation.accessRequests.chooseExpiry") }),
    // A "YYYY-MM-DD" day; only read when expiry is "date".
    until: z.iso.date(messageKey("validation.accessRequests.dateFormat")).or(z.literal("")).optional(),
    note: note.optional(),
  })
  .refine((value) => value.expiry !== "date" || Boolean(value.until), { message: messageKey("validation.accessRequests.chooseLastDay"), path: ["until"] })
  .refine((value) => value.expiry !== "date" || !value.until || (value.until < DAY_MAX && untilEnd(value.until).getTime() > Date.now()), {
    message: messageKey("validation.accessRequests.dayPassed"),
    path: ["until"],
  });
export type ApproveAccessRequestInput = z.input<typeof ApproveAccessRequestSchema>;

export const DenyAccessRequestSchema = z.object({ requestId: recordId(), note: note.optional() });
export type DenyAccessRequestInput = z.input<typeof DenyAccessRequestSchema>;

export const AccessRequestIdSchema = z.object({ requestId: recordId() });

/** The end of a "YYYY-MM-DD" day in UTC: access "until" a day lasts through it. */
export function untilEnd(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
}

const HOUR = 3_600_000;

/** The instant an approval made at `now` ends, or null for no expiry. */
export function expiresAtFor(input: { expiry: (typeof EXPIRY_CHOICES)[number]; until?: string | undefined }, now: Date): Date | null {
  switch (input.expiry) {
    case "1h":
      return new Date(now.getTime() + HOUR);
    case "24h":
      return new Date(now.getTime() + 24 * HOUR);
    case "7d":
      return new Date(now.getTime() + 7 * 24 * HOUR);
    case "date":
      return untilEnd(input.until!);
    case "never":
      return null;
  }
}
