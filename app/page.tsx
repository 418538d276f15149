import { redirect } from "next/navigation";
import { requireUserId } from "@/lib/authz";
import { landingWorkspaceSlug } from "@/lib/workspaces/queries";

export default async function HomePage() {
  const userId = await requireUserId();
  const slug = await landingWorkspaceSlug(userId);
  redirect(slug ? `/${slug}` : "/workspace/select");
}
