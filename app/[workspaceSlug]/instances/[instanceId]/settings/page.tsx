import type { Metadata } from "next";
import { InstanceSettingsForm } from "@/components/resources/forms";
import { Card } from "@/components/ui/card";
import { requireInstance } from "@/lib/resources/instance-page";
import { readInstanceSettings } from "@/lib/resources/schemas";

export const metadata: Metadata = { title: "Instance settings" };

export default async function InstanceSettingsPage({ params }: PageProps<"/[workspaceSlug]/instances/[instanceId]/settings">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId, "instances.settings");
  return (
    <Card className="max-w-md">
      <h2 className="font-semibold">Settings</h2>
      <div className="mt-3">
        <InstanceSettingsForm slug={ctx.workspace.slug} instanceId={instance.id} settings={readInstanceSettings(instance.settings)} />
      </div>
    </Card>
  );
}
