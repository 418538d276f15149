import { workspaceRoute } from "@/lib/authz/route";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";

export const GET = workspaceRoute<{ workspaceSlug: string }>({ name: "workspace.logo", permission: "member" }, async (ctx) => {
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
