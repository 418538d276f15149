import { TabNav } from "@/components/ui/tab-nav";
import { requireMember } from "@/lib/authz";
import { SETTINGS_TABS } from "@/lib/workspaces/settings-tabs";

export default async function SettingsLayout({
  children,
  params,
}: LayoutProps<"/[workspaceSlug]/settings">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const tabs = SETTINGS_TABS.filter((tab) => ctx.can(tab.permission));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <TabNav label="Settings" base={`/${ctx.workspace.slug}/settings`} tabs={tabs} />
      {children}
    </div>
  );
}
