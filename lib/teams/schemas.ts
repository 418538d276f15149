import { z } from "zod";
import { GRANTABLE_KEYS } from "@/lib/authz/permissions";
import { recordId, text } from "@/lib/schemas";

const id = recordId();
const ids = z.array(id).max(500, "Pick at most 500");

/** The grant the permissions modal edits, for a member or a team: toggles and allow-lists. */
export const GrantFieldsSchema = z.object({
  actions: z.array(z.enum(GRANTABLE_KEYS)).max(GRANTABLE_KEYS.length),
  projectIds: ids,
  instanceIds: ids,
  serverIds: ids,
});
export type GrantFields = z.output<typeof GrantFieldsSchema>;

export const MemberGrantSchema = GrantFieldsSchema.extend({ membershipId: id });
export type MemberGrantInput = z.input<typeof MemberGrantSchema>;

export const TEAM_FLOORS = ["NONE", "VIEWER", "DEVELOPER"] as const;

export const TeamGrantSchema = GrantFieldsSchema.extend({
  teamId: id,
  roleFloor: z.enum(TEAM_FLOORS, { message: "Choose a role floor" }),
});
export type TeamGrantInput = z.input<typeof TeamGrantSchema>;

export const CreateTeamSchema = z.object({
  name: text().trim().min(2, "Use at least 2 characters").max(48, "Keep the name under 48 characters"),
});
export type CreateTeamInput = z.input<typeof CreateTeamSchema>;

export const TeamIdSchema = z.object({ teamId: id });
export const TeamMemberSchema = z.object({
  teamId: id,
  membershipId: recordId("Choose a member"),
});
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
