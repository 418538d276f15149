import { z } from "zod";
import { GRANTABLE_KEYS } from "@/lib/authz/permissions";
import { messageKey } from "@/lib/i18n/message-key";
import { recordId, text } from "@/lib/schemas";
import { optionalExpiryFields, refineExpiry } from "@/lib/roles/expiry";

const id = recordId();
const ids = z.array(id).max(500, messageKey("validation.teams.tooMany", { max: 500 }));

/** The grant the permissions modal edits, for a member or a team: toggles and allow-lists. */
export const GrantFieldsSchema = z.object({
  actions: z.array(z.enum(GRANTABLE_KEYS)).max(GRANTABLE_KEYS.length),
  projectIds: ids,
  instanceIds: ids,
  serverIds: ids,
});
export type GrantFields = z.output<typeof GrantFieldsSchema>;

/** A member's direct grant; `expiry` (absent: keep) ends it at a time, checked when permissions are computed. */
export const MemberGrantSchema = GrantFieldsSchema.extend({ membershipId: id, ...optionalExpiryFields }).superRefine(refineExpiry);
export type MemberGrantInput = z.input<typeof MemberGrantSchema>;

export const TEAM_FLOORS = ["NONE", "VIEWER", "DEVELOPER"] as const;

export const TeamGrantSchema = GrantFieldsSchema.extend({
  teamId: id,
  roleFloor: z.enum(TEAM_FLOORS, { message: messageKey("validation.teams.chooseFloor") }),
});
export type TeamGrantInput = z.input<typeof TeamGrantSchema>;

export const CreateTeamSchema = z.object({
  name: text().trim().min(2, messageKey("validation.teams.nameTooShort", { min: 2 })).max(48, messageKey("validation.teams.nameTooLong", { max: 48 })),
});
export type CreateTeamInput = z.input<typeof CreateTeamSchema>;

export const TeamIdSchema = z.object({ teamId: id });
export const TeamMemberSchema = z.object({
  teamId: id,
  membershipId: recordId(messageKey("validation.teams.chooseMember")),
});
/** Adding a member to a team, optionally for a while: the membership (and what it grants) ends at the expiry. */
export const AddTeamMemberSchema = TeamMemberSchema.extend(optionalExpiryFields).superRefine(refineExpiry);
export type TeamMemberInput = z.input<typeof TeamMemberSchema>;

const GRANTABLE_SET: ReadonlySet<string> = new Set(GRANTABLE_KEYS);

/** A stored grant (or none) as the modal's form values; unknown keys from older rows are dropped. */
export function toGrantFields(
  grant: { actions: string[]; projectIds: string[]; instanceIds: string[]; serverIds: string[] } | null | undefined,
): GrantFields {
  return {
    actions: (grant?.actions ?? []).filter((k): k is GrantFields["actions"][number] => GRANTABLE_SET.has(k)),
    projectIds: grant?.projectIds ?? [],
    instanceIds: grant?.instanceIds ?? [],
    serverIds: grant?.serverIds ?? [],
  };
}
