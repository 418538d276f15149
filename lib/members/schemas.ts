import { z } from "zod";
import { INVITABLE_ROLES } from "@/lib/invitations/schemas";
import { ConfirmSlugSchema } from "@/lib/workspaces/schemas";
import { messageKey } from "@/lib/i18n/message-key";
import { PageLinkQuery, recordId, searchParam } from "@/lib/schemas";

const membershipId = recordId();

/** The members page's search parameters: a search by name or email, and where the page starts. */
export const MemberListQuerySchema = PageLinkQuery.extend({ q: searchParam(100) });

export const ChangeRoleSchema = z.object({
  membershipId,
  role: z.enum(INVITABLE_ROLES, { message: messageKey("validation.members.chooseRole") }),
});
export type ChangeRoleInput = z.input<typeof ChangeRoleSchema>;

export const RemoveMemberSchema = z.object({ membershipId });

export const LeaveWorkspaceSchema = z.object({});

export const TransferOwnershipSchema = ConfirmSlugSchema.extend({ membershipId });
export type TransferOwnershipInput = z.input<typeof TransferOwnershipSchema>;
