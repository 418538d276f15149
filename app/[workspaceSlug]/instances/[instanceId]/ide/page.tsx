import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WebIde } from "@/components/resources/ide";
import { requireInstance } from "@/lib/resources/instance-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.instance.ide");
  return { title: t("title") };
}

export default async function InstanceIdePage({ params }: PageProps<"/[workspaceSlug]/instances/[instanceId]/ide">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId, "ide.use");
  return <WebIde slug={ctx.workspace.slug} instanceId={instance.id} instanceName={instance.name} />;
}
