import { z } from "zod";
import { INVITABLE_ROLES } from "@/lib/invitations/schemas";

const membershipId = z.string().min(1).max(64);

export const ChangeRoleSchema = z.object({
  membershipId,
  role: z.enum(INVITABLE_ROLES, { message: "Choose a role" }),
});
export type ChangeRoleInput = z.input<typeof ChangeRoleSchema>;

export const RemoveMemberSchema = z.object({ membershipId });

export const LeaveWorkspaceSchema = z.object({});

export const TransferOwnershipSchema = z.object({
  membershipId,
  confirmSlug: z.string().trim().min(1, "Type the workspace slug to confirm").max(64),
});
export type TransferOwnershipInput = z.input<typeof TransferOwnershipSchema>;
