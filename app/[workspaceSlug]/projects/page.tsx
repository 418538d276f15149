import type { Metadata } from "next";
import Link from "next/link";
import { CreateProjectDialog } from "@/components/resources/forms";
import { DataTable, Td } from "@/components/ui/table";
import { requireMember, requirePermission } from "@/lib/authz";
import { listProjects } from "@/lib/resources/queries";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({ params }: PageProps<"/[workspaceSlug]/projects">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "projects.access");
  const projects = await listProjects(ctx);
  const slug = ctx.workspace.slug;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Projects</h1>
        {ctx.can("resources.manage") ? <CreateProjectDialog slug={slug} /> : null}
      </div>
      {projects.length === 0 ? (
        <p className="text-sm text-gray-700">No projects you can access yet.</p>
      ) : (
        <DataTable caption="Projects" headers={["Name", "Repository", "Branches", "Instances"]}>
          {projects.map((p) => (
            <tr key={p.id}>
              <Td><Link className="font-medium text-brand-text underline" href={`/${slug}/projects/${p.id}`}>{p.name}</Link></Td>
              <Td><span className="break-all text-gray-700">{p.repositoryUrl}</span></Td>
              <Td>{p.branches.length}</Td>
              <Td>{p._count.instances}</Td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
