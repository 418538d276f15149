import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireMember, requirePermission } from "@/lib/authz";

export const metadata: Metadata = { title: "General settings" };

const KIND_LABEL = { PERSONAL: "Personal", PROJECT: "Project", ENVIRONMENT: "Environment" } as const;

export default async function GeneralSettingsPage({ params }: { params: Promise<{ workspaceSlug: string }> }) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "workspace.read");
  const { workspace } = ctx;
  return (
    <Card>
      <h2 className="text-lg font-semibold">General</h2>
      <dl className="mt-4 grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
        <dt className="text-gray-700">Name</dt>
        <dd>{workspace.name}</dd>
        <dt className="text-gray-700">Slug</dt>
        <dd>/{workspace.slug}</dd>
        <dt className="text-gray-700">Kind</dt>
        <dd>
          {KIND_LABEL[workspace.kind]}
          {workspace.stage ? ` (${workspace.stage.toLowerCase()})` : ""}
        </dd>
        <dt className="text-gray-700">Description</dt>
        <dd>{workspace.description || "—"}</dd>
      </dl>
    </Card>
  );
}
