import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/access-requests/no-access";
import { KeysetPagination } from "@/components/ui/pagination";
import { CreateInstanceDialog } from "@/components/resources/create-dialogs";
import { InstancesTable } from "@/components/resources/instances-table";
import { ListHeading } from "@/components/resources/list-heading";
import { NameSearch } from "@/components/resources/name-search";
import { requireMember } from "@/lib/authz";
import { queryString } from "@/lib/query-string";
import { listInstances } from "@/lib/resources/queries";
import { ResourceListQuerySchema } from "@/lib/resources/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.instances");
  return { title: t("title") };
}

export default async function InstancesPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/instances">) {
  const { workspaceSlug } = await params;
  const query = ResourceListQuerySchema.parse(await searchParams);
  const search = query.q ?? "";
  const ctx = await requireMember(workspaceSlug);
  const t = await getTranslations("resources.instances");
  const slug = ctx.workspace.slug;
  const list = await listInstances(ctx, { search, link: query });
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <ListHeading title={t("title")} total={list.total} searching={Boolean(search)} />
        {ctx.can("resources.manage") ? <CreateInstanceDialog slug={slug} /> : null}
      </div>
      <NameSearch action={`/${slug}/instances`} label={t("searchLabel")} value={search} />
      {list.instances.length === 0 && search ? (
        <p className="text-sm text-gray-700">{t("noMatch", { search })}</p>
      ) : list.instances.length === 0 ? (
        <NoAccess ctx={ctx} message={t("empty")} />
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
      <KeysetPagination
        label={t("pages")}
        previousHref={list.previous ? `/${slug}/instances?${queryString({ q: search, before: list.previous })}` : null}
        nextHref={list.next ? `/${slug}/instances?${queryString({ q: search, after: list.next })}` : null}
      />
    </div>
  );
}
