import { z } from "zod";
import { mayGrantRole, ROLE_LABEL } from "@/lib/authz/permissions";
import type { Role } from "@/generated/prisma/enums";
import { messageKey } from "@/lib/i18n/message-key";
import { recordId, text } from "@/lib/schemas";

export const MAX_INVITES_AT_ONCE = 50;
export const INVITABLE_ROLES = ["ADMIN", "DEVELOPER", "VIEWER"] as const;

/** The roles someone of `role` may hand out (never one above their own), as select options. */
export function grantableInviteRoles(role: Role): { value: (typeof INVITABLE_ROLES)[number]; label: string }[] {
  return INVITABLE_ROLES.filter((r) => mayGrantRole(role, r)).map((r) => ({ value: r, label: ROLE_LABEL[r] }));
}

export function splitEmailList(raw: string): string[] {
  return raw
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}

export const InviteMembersSchema = z.object({
  emails: text()
    .max(20_000, messageKey("validation.members.emailListTooLong"))
    .refine((raw) => splitEmailList(raw).length > 0, messageKey("validation.members.emailListEmpty"))
    .refine(
      (raw) => splitEmailList(raw).length <= MAX_INVITES_AT_ONCE,
      messageKey("validation.members.tooManyInvites", { max: MAX_INVITES_AT_ONCE }),
    ),
  role: z.enum(INVITABLE_ROLES, { message: messageKey("validation.members.chooseRole") }),
});
export type InviteMembersInput = z.input<typeof InviteMembersSchema>;

export const InvitationIdSchema = z.object({ invitationId: recordId() });

export const InvitationTokenSchema = z.object({ token: text().min(20).max(200) });
