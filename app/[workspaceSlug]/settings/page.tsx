import { redirect } from "next/navigation";

export default async function SettingsIndex({ params }: PageProps<"/[workspaceSlug]/settings">) {
  const { workspaceSlug } = await params;
  redirect(`/${workspaceSlug}/settings/general`);
}
