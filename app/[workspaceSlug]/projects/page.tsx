import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/access-requests/no-access";
import Link from "next/link";
import { CreateProjectDialog } from "@/components/resources/create-dialogs";
import { ListHeading } from "@/components/resources/list-heading";
import { NameSearch } from "@/components/resources/name-search";
import { KeysetPagination } from "@/components/ui/pagination";
import { DataTable, Td } from "@/components/ui/table";
import { requireMember, requirePermission } from "@/lib/authz";
import { queryString } from "@/lib/query-string";
import { listProjects } from "@/lib/resources/queries";
import { ResourceListQuerySchema } from "@/lib/resources/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.projects");
  return { title: t("title") };
}

export default async function ProjectsPage({ params, searchParams }: PageProps<"/[workspaceSlug]/projects">) {
  const { workspaceSlug } = await params;
  const query = ResourceListQuerySchema.parse(await searchParams);
  const search = query.q ?? "";
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "projects.access");
  const t = await getTranslations("resources.projects");
  const { projects, total, previous, next } = await listProjects(ctx, { search, link: query });
  const slug = ctx.workspace.slug;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <ListHeading title={t("title")} total={total} searching={Boolean(search)} />
        {ctx.can("resources.manage") ? <CreateProjectDialog slug={slug} /> : null}
      </div>
      <NameSearch action={`/${slug}/projects`} label={t("searchLabel")} value={search} />
      {projects.length === 0 && search ? (
        <p className="text-sm text-gray-700">{t("noMatch", { search })}</p>
      ) : projects.length === 0 ? (
        <NoAccess ctx={ctx} message={t("empty")} />
      ) : (
        <DataTable caption={t("title")} headers={[t("columns.name"), t("columns.repository"), t("columns.branches"), t("columns.instances")]}>
          {projects.map((p) => (
            <tr key={p.id}>
              <Td><Link className="font-medium text-brand-text underline" href={`/${slug}/projects/${p.id}`}>{p.name}</Link></Td>
              <Td><span className="break-all text-gray-700">{p.repositoryUrl}</span></Td>
              <Td>{p.branches.length}</Td>
              <Td>{p.instanceCount}</Td>
            </tr>
          ))}
        </DataTable>
      )}
      <KeysetPagination
        label={t("pages")}
        previousHref={previous ? `/${slug}/projects?${queryString({ q: search, before: previous })}` : null}
        nextHref={next ? `/${slug}/projects?${queryString({ q: search, after: next })}` : null}
      />
    </div>
  );
}
