import type { Metadata } from "next";
import { WebIde } from "@/components/resources/ide";
import { requireInstance } from "@/lib/resources/instance-page";

export const metadata: Metadata = { title: "Web IDE" };

export default async function InstanceIdePage({ params }: PageProps<"/[workspaceSlug]/instances/[instanceId]/ide">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId, "ide.use");
  return <WebIde slug={ctx.workspace.slug} instanceId={instance.id} instanceName={instance.name} />;
}
