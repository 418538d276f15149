import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RequestInstanceAccess } from "@/components/access-requests/no-access";
import { ConnectAsUserForm } from "@/components/resources/forms";
import { InstanceControls } from "@/components/resources/instance-controls";
import { Card } from "@/components/ui/card";
import { requireInstance } from "@/lib/resources/instance-page";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.instance");
  return { title: t("title") };
}

export default async function InstanceOverviewPage({ params }: PageProps<"/[workspaceSlug]/instances/[instanceId]">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId);
  const ref = { kind: "instance", id: instance.id, projectId: instance.projectId } as const;
  const t = await getTranslations("resources.instance.overview");
  const locale = await getLocale();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <h2 className="font-semibold">{t("heading")}</h2>
        <dl className="mt-3 grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
          <dt className="text-gray-700">{t("status")}</dt>
          <dd>{t(`statusValue.${instance.status}`)}</dd>
          <dt className="text-gray-700">{t("lastRestart")}</dt>
          <dd>{instance.lastRestartedAt ? formatDateTime(instance.lastRestartedAt, locale) : t("never")}</dd>
          <dt className="text-gray-700">{t("serverAddress")}</dt>
          <dd className="font-mono">{instance.server.address}</dd>
          <dt className="text-gray-700">{t("systemUsers")}</dt>
          <dd>{instance.systemUsers.join(", ")}</dd>
        </dl>
        <div className="mt-4">
          <InstanceControls ctx={ctx} instance={instance} />
          <div className="mt-3 empty:hidden">
            <RequestInstanceAccess ctx={ctx} instance={instance} />
          </div>
        </div>
      </Card>
      {ctx.canOn("instances.connect", ref) ? (
        <Card>
          <h2 className="font-semibold">{t("connectHeading")}</h2>
          <p className="text-sm text-gray-700">{t("connectDescription")}</p>
          <div className="mt-3">
            <ConnectAsUserForm slug={ctx.workspace.slug} instanceId={instance.id} systemUsers={instance.systemUsers} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
