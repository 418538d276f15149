import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EnvironmentBadge, StatusBadge } from "@/components/resources/status-badge";
import { TabNav } from "@/components/ui/tab-nav";
import { INSTANCE_TABS, requireInstance } from "@/lib/resources/instance-page";

export default async function InstanceLayout({
  children,
  params,
}: LayoutProps<"/[workspaceSlug]/instances/[instanceId]">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId);
  const ref = { kind: "instance", id: instance.id, projectId: instance.projectId } as const;
  const t = await getTranslations("resources.instance");
  const tabs = INSTANCE_TABS.filter((tab) => !tab.permission || ctx.canOn(tab.permission, ref)).map((tab) => ({
    segment: tab.segment,
    label: t(`tabs.${tab.name}`),
  }));
  const base = `/${ctx.workspace.slug}/instances/${instance.id}`;
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/${ctx.workspace.slug}/instances`} className="text-sm text-brand-text underline">{t("back")}</Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {instance.name} <StatusBadge status={instance.status} /> <EnvironmentBadge environment={instance.environment} />
        </h1>
        <p className="text-sm text-gray-700">{t("placement", { project: instance.project.name, server: instance.server.name, region: instance.server.region })}</p>
      </div>
      <TabNav label={t("tabsLabel")} base={base} tabs={tabs} />
      {children}
    </div>
  );
}
