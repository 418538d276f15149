import { workspaceRoute } from "@/lib/authz/route";
import { grantOptions } from "@/lib/teams/queries";

/**
 * What a team's permissions modal may offer (the workspace's projects, instances and servers, as far as the
 * editor sees them), loaded when the modal opens: sent with the page, every view of Teams carried every
 * resource of the workspace (10,000 instances in the benchmark's large one) whether or not a modal opened.
 */
export const teamGrantOptionsRoute = workspaceRoute({ name: "teams.grantOptions", permission: "teams.manage" }, async (ctx) =>
  Response.json(await grantOptions(ctx), { headers: { "cache-control": "private, no-store" } }),
);
