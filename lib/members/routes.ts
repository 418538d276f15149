import { z } from "zod";
import { workspaceRoute } from "@/lib/authz/route";
import { memberPermissionChoices } from "@/lib/members/queries";
import { recordId } from "@/lib/schemas";

/** The permissions modal's contents for one member, loaded when the modal opens. */
export const memberPermissionChoicesRoute = workspaceRoute(
  { name: "members.permissionChoices", permission: "members.manage", input: z.object({ membershipId: recordId() }) },
  async (ctx, { membershipId }) =>
    Response.json(await memberPermissionChoices(ctx, membershipId), { headers: { "cache-control": "private, no-store" } }),
);
