import { logoUrl } from "@/lib/workspaces/logo";
import { userRoute } from "@/lib/authz/route";
import { listWorkspacesForUser } from "@/lib/workspaces/service";

/**
 * The workspace switcher's list, fetched when the switcher is about to open rather than rendered into
 * every page: 50 workspaces were a round trip and 10 KB on each page view.
 */
export const GET = userRoute({ name: "workspaces.list" }, async (userId) => {
  const workspaces = await listWorkspacesForUser(userId);
  return Response.json(
    { workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, slug: w.slug, role: w.role, logoUrl: logoUrl(w) })) },
    { headers: { "cache-control": "private, no-store" } },
  );
});
