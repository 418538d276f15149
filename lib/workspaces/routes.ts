import { userRoute, workspaceRoute } from "@/lib/authz/route";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { logoUrl } from "@/lib/workspaces/logo";
import { workspaceExportStream } from "@/lib/workspaces/export";
import { searchWorkspacesForUser } from "@/lib/workspaces/queries";
import { WorkspaceSearchSchema } from "@/lib/workspaces/schemas";

export const workspaceLogoRoute = workspaceRoute({ name: "workspace.logo", permission: "member" }, async (ctx) => {
  const workspace = await db().workspace.findUnique({ where: { id: ctx.workspace.id }, select: { logo: true, logoType: true } });
  if (!workspace?.logo || !workspace.logoType) throw Refusal.notFound("That logo");
  return new Response(new Uint8Array(workspace.logo), {
    headers: {
      "content-type": workspace.logoType,
      // Links carry ?v=<updated time>, so a cached copy is never a stale one; private: members only.
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
});

/**
 * The workspace switcher's and profile menu's list, fetched when one is about to open rather than
 * rendered into every page: the first few of the user's workspaces, or those matching `q`, and how many
 * match in all, so someone in 1,000 workspaces searches instead of downloading them all.
 */
export const listWorkspacesRoute = userRoute({ name: "workspaces.list", input: WorkspaceSearchSchema }, async (ctx, input) => {
  const { workspaces, total } = await searchWorkspacesForUser(ctx.userId, { q: input.q });
  return Response.json(
    {
      total,
      workspaces: workspaces.map((w) => ({
        id: w.id,
        name: w.name,
        slug: w.slug,
        role: w.role,
        // Its logo route refuses a member without the required 2FA: show the initial, not a broken image.
        logoUrl: w.needsTwoFactor ? null : logoUrl(w),
      })),
    },
    { headers: { "cache-control": "private, no-store" } },
  );
});

/**
 * Settings → General → "Download export (JSON)": the whole workspace for its owner (workspace.delete is
 * the owner-only key that goes with it: export before deleting). lib/workspaces/export.ts says what it
 * holds; no secret material is in it. Audited as "workspace.exported".
 */
export const exportWorkspaceRoute = workspaceRoute({ name: "workspace.export", permission: "workspace.delete" }, async (ctx) => {
  const { filename, body } = await workspaceExportStream(ctx.workspace.id, ctx.actor);
  return new Response(body, {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
