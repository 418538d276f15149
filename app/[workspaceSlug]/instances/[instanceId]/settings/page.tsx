import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InstanceSettingsForm } from "@/components/resources/forms";
import { Card } from "@/components/ui/card";
import { requireInstance } from "@/lib/resources/instance-page";
import { readInstanceSettings } from "@/lib/resources/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.instance.settings");
  return { title: t("title") };
}

export default async function InstanceSettingsPage({ params }: PageProps<"/[workspaceSlug]/instances/[instanceId]/settings">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId, "instances.settings");
  const t = await getTranslations("resources.instance.settings");
  return (
    <Card className="max-w-md">
      <h2 className="font-semibold">{t("heading")}</h2>
      <div className="mt-3">
        <InstanceSettingsForm slug={ctx.workspace.slug} instanceId={instance.id} settings={readInstanceSettings(instance.settings)} />
      </div>
    </Card>
  );
}
