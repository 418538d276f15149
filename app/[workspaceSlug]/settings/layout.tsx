import { getTranslations } from "next-intl/server";
import { TabNav } from "@/components/ui/tab-nav";
import { requireMember } from "@/lib/authz";
import { SETTINGS_TABS } from "@/lib/workspaces/settings-tabs";

export default async function SettingsLayout({
  children,
  params,
}: LayoutProps<"/[workspaceSlug]/settings">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const t = await getTranslations("settingsTabs");
  const tabs = SETTINGS_TABS.filter((tab) => ctx.can(tab.permission)).map((tab) => ({ segment: tab.segment, label: t(`tabs.${tab.segment}`) }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <TabNav label={t("heading")} base={`/${ctx.workspace.slug}/settings`} tabs={tabs} />
      {children}
    </div>
  );
}
