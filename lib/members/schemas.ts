import { z } from "zod";
import { INVITABLE_ROLES } from "@/lib/invitations/schemas";
import { ConfirmSlugSchema } from "@/lib/workspaces/schemas";
import { PageQuerySchema, recordId, searchParam } from "@/lib/schemas";

const membershipId = recordId();

/** The members page's search parameters: a search by name or email, and the page. */
export const MemberListQuerySchema = PageQuerySchema.extend({ q: searchParam(100) });

export const ChangeRoleSchema = z.object({
  membershipId,
  role: z.enum(INVITABLE_ROLES, { message: "Choose a role" }),
});
export type ChangeRoleInput = z.input<typeof ChangeRoleSchema>;

export const RemoveMemberSchema = z.object({ membershipId });

export const LeaveWorkspaceSchema = z.object({});

export const TransferOwnershipSchema = ConfirmSlugSchema.extend({ membershipId });
export type TransferOwnershipInput = z.input<typeof TransferOwnershipSchema>;
