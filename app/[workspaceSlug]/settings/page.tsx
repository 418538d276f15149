import { redirect } from "next/navigation";
import { requireMember } from "@/lib/authz";

export default async function SettingsIndex({ params }: PageProps<"/[workspaceSlug]/settings">) {
  const { workspaceSlug } = await params;
  // The workspace's own slug, not the path's: a segment with NUL or line breaks cannot go in a Location header.
  const ctx = await requireMember(workspaceSlug);
  redirect(`/${ctx.workspace.slug}/settings/general`);
}
