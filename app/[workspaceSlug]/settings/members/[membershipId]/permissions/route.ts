import { workspaceRoute } from "@/lib/authz/route";
import { memberPermissionChoices } from "@/lib/members/service";

/** The permissions modal's contents for one member, loaded when the modal opens. */
export const GET = workspaceRoute<{ workspaceSlug: string; membershipId: string }>(
  { name: "members.permissionChoices", permission: "members.manage" },
  async (ctx, { membershipId }) =>
    Response.json(await memberPermissionChoices(ctx, membershipId), { headers: { "cache-control": "private, no-store" } }),
);
