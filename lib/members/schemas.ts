import { z } from "zod";
import { INVITABLE_ROLES } from "@/lib/invitations/schemas";
import { ConfirmSlugSchema } from "@/lib/workspaces/schemas";

const membershipId = z.string().min(1).max(64);

export const ChangeRoleSchema = z.object({
  membershipId,
  role: z.enum(INVITABLE_ROLES, { message: "Choose a role" }),
});
export type ChangeRoleInput = z.input<typeof ChangeRoleSchema>;

export const RemoveMemberSchema = z.object({ membershipId });

export const LeaveWorkspaceSchema = z.object({});

export const TransferOwnershipSchema = ConfirmSlugSchema.extend({ membershipId });
export type TransferOwnershipInput = z.input<typeof TransferOwnershipSchema>;
