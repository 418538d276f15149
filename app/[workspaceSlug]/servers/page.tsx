import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/access-requests/no-access";
import { deleteServerAction } from "@/lib/resources/actions";
import { ActionButton } from "@/components/resources/action-button";
import { CreateServerDialog } from "@/components/resources/create-dialogs";
import { ListHeading } from "@/components/resources/list-heading";
import { NameSearch } from "@/components/resources/name-search";
import { KeysetPagination } from "@/components/ui/pagination";
import { DataTable, Td } from "@/components/ui/table";
import { requireMember } from "@/lib/authz";
import { queryString } from "@/lib/query-string";
import { listServers } from "@/lib/resources/queries";
import { ResourceListQuerySchema } from "@/lib/resources/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resources.servers");
  return { title: t("title") };
}

export default async function ServersPage({ params, searchParams }: PageProps<"/[workspaceSlug]/servers">) {
  const { workspaceSlug } = await params;
  const query = ResourceListQuerySchema.parse(await searchParams);
  const search = query.q ?? "";
  const ctx = await requireMember(workspaceSlug);
  const t = await getTranslations("resources.servers");
  const { servers, total, previous, next } = await listServers(ctx, { search, link: query });
  const slug = ctx.workspace.slug;
  const manage = ctx.can("resources.manage");
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <ListHeading title={t("title")} total={total} searching={Boolean(search)} />
        {manage ? <CreateServerDialog slug={ctx.workspace.slug} /> : null}
      </div>
      <NameSearch action={`/${slug}/servers`} label={t("searchLabel")} value={search} />
      {servers.length === 0 && search ? (
        <p className="text-sm text-gray-700">{t("noMatch", { search })}</p>
      ) : servers.length === 0 ? (
        <NoAccess ctx={ctx} message={t("empty")} />
      ) : (
        <DataTable caption={t("title")} headers={[t("columns.name"), t("columns.region"), t("columns.address"), t("columns.instances"), ""]}>
          {servers.map((s) => (
            <tr key={s.id}>
              <Td><span className="font-medium">{s.name}</span></Td>
              <Td>{s.region}</Td>
              <Td><span className="font-mono text-gray-800">{s.address}</span></Td>
              <Td>{s.instanceCount}</Td>
              <Td className="text-right">
                {manage ? (
                  <ActionButton
                    action={deleteServerAction}
                    slug={ctx.workspace.slug}
                    input={{ serverId: s.id }}
                    variant="ghost"
                    label={t("delete.label", { name: s.name })}
                    success={t("delete.success")}
                    confirm={{ title: t("delete.title", { name: s.name }), description: t("delete.description"), confirmLabel: t("delete.confirm") }}
                  >
                    {t("delete.button")}
                  </ActionButton>
                ) : null}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <KeysetPagination
        label={t("pages")}
        previousHref={previous ? `/${slug}/servers?${queryString({ q: search, before: previous })}` : null}
        nextHref={next ? `/${slug}/servers?${queryString({ q: search, after: next })}` : null}
      />
    </div>
  );
}
