import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { recordId, text } from "@/lib/schemas";
import { GrantFieldsSchema } from "@/lib/teams/schemas";
import { expiryFields, refineExpiry } from "./expiry";

const id = recordId();

/**
 * A custom role: a name, a description and the same grant fields as the permissions modal. Its
 * actions are GRANTABLE_KEYS only, so no owner-only or staff key can ever be in one.
 */
export const CustomRoleSchema = GrantFieldsSchema.extend({
  name: text().trim().min(2, messageKey("validation.roles.nameTooShort", { min: 2 })).max(48, messageKey("validation.roles.nameTooLong", { max: 48 })),
  description: text().trim().max(200, messageKey("validation.roles.descriptionTooLong", { max: 200 })),
});
export type CustomRoleInput = z.input<typeof CustomRoleSchema>;

export const UpdateCustomRoleSchema = CustomRoleSchema.extend({ customRoleId: id });
export type UpdateCustomRoleInput = z.input<typeof UpdateCustomRoleSchema>;

export const CustomRoleIdSchema = z.object({ customRoleId: id });

export const AssignMemberRoleSchema = z.object({ customRoleId: recordId(messageKey("validation.roles.chooseRole")), membershipId: id, ...expiryFields }).superRefine(refineExpiry);
export type AssignMemberRoleInput = z.input<typeof AssignMemberRoleSchema>;

export const UnassignMemberRoleSchema = z.object({ customRoleId: id, membershipId: id });

export const AssignTeamRoleSchema = z.object({ customRoleId: recordId(messageKey("validation.roles.chooseRole")), teamId: id, ...expiryFields }).superRefine(refineExpiry);
export type AssignTeamRoleInput = z.input<typeof AssignTeamRoleSchema>;

export const UnassignTeamRoleSchema = z.object({ customRoleId: id, teamId: id });
