import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { CreateInstanceDialog } from "@/components/resources/forms";
import { InstancesTable } from "@/components/resources/instances-table";
import { requireMember } from "@/lib/authz";
import { instanceParents, listInstances } from "@/lib/resources/queries";
import { PageQuerySchema } from "@/lib/schemas";

export const metadata: Metadata = { title: "Instances" };

export default async function InstancesPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/instances">) {
  const { workspaceSlug } = await params;
  const { page } = PageQuerySchema.parse(await searchParams);
  const ctx = await requireMember(workspaceSlug);
  const slug = ctx.workspace.slug;
  const manage = ctx.can("resources.manage");
  const [list, parents] = await Promise.all([
    listInstances(ctx, { page }),
    manage ? instanceParents(ctx.workspace.id) : null,
  ]);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Instances <span className="text-base font-normal text-gray-600">({list.total})</span></h1>
        {parents ? (
          <CreateInstanceDialog
            slug={slug}
            projects={parents.projects.map((p) => ({ value: p.id, label: p.name }))}
            servers={parents.servers.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : null}
      </div>
      {list.total === 0 ? (
        <p className="text-sm text-gray-700">No instances you can access yet.</p>
      ) : (
        <InstancesTable
          slug={slug}
          rows={list.instances.map((i) => ({
            id: i.id,
            name: i.name,
            project: i.project.name,
            server: i.server.name,
            environment: i.environment,
            status: i.status,
            canRestart: i.status !== "STOPPED" && ctx.canOn("instances.restart", { kind: "instance", id: i.id, projectId: i.projectId }),
          }))}
        />
      )}
      <Pagination label="Instance pages" page={list.page} pageCount={list.pageCount} href={(n) => `/${slug}/instances?page=${n}`} />
    </div>
  );
}
