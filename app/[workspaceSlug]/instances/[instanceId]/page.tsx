import type { Metadata } from "next";
import { ConnectAsUserForm } from "@/components/resources/forms";
import { InstanceControls } from "@/components/resources/instance-controls";
import { Card } from "@/components/ui/card";
import { requireInstance } from "@/lib/resources/instance-page";
import { utcMinute } from "@/lib/dates";

export const metadata: Metadata = { title: "Instance" };

export default async function InstanceOverviewPage({ params }: PageProps<"/[workspaceSlug]/instances/[instanceId]">) {
  const { workspaceSlug, instanceId } = await params;
  const { ctx, instance } = await requireInstance(workspaceSlug, instanceId);
  const ref = { kind: "instance", id: instance.id, projectId: instance.projectId } as const;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <h2 className="font-semibold">Overview</h2>
        <dl className="mt-3 grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
          <dt className="text-gray-700">Status</dt>
          <dd>{instance.status.toLowerCase()}</dd>
          <dt className="text-gray-700">Last restart</dt>
          <dd>{instance.lastRestartedAt ? `${utcMinute(instance.lastRestartedAt)} UTC` : "never"}</dd>
          <dt className="text-gray-700">Server address</dt>
          <dd className="font-mono">{instance.server.address}</dd>
          <dt className="text-gray-700">System users</dt>
          <dd>{instance.systemUsers.join(", ")}</dd>
        </dl>
        <div className="mt-4">
          <InstanceControls ctx={ctx} instance={instance} />
        </div>
      </Card>
      {ctx.canOn("instances.connect", ref) ? (
        <Card>
          <h2 className="font-semibold">Connect as user</h2>
          <p className="text-sm text-gray-700">Opens a one-hour shell session as a system user of this instance.</p>
          <div className="mt-3">
            <ConnectAsUserForm slug={ctx.workspace.slug} instanceId={instance.id} systemUsers={instance.systemUsers} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
