import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CursorPagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { FilterBar } from "@/components/ui/filter-bar";
import { AuditTable } from "@/components/settings/audit-table";
import { auditActionKey } from "@/lib/audit/labels";
import { auditActionsSeen, listAuditEvents } from "@/lib/audit/queries";
import { AuditFilterSchema } from "@/lib/audit/schemas";
import { requireMember, requirePermission } from "@/lib/authz";
import { queryString } from "@/lib/query-string";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit.page");
  return { title: t("title") };
}

function summary(metadata: unknown): string {
  if (!metadata || typeof metadata !== "object") return "";
  return Object.entries(metadata as Record<string, unknown>)
    .filter(([, v]) => v !== null && typeof v !== "object")
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(" · ");
}

export default async function AuditLogPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/audit">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "audit.read");
  const filter = AuditFilterSchema.parse(await searchParams);
  const [list, actions] = await Promise.all([listAuditEvents(ctx.workspace.id, filter), auditActionsSeen(ctx.workspace.id)]);
  const base = `/${ctx.workspace.slug}/settings/audit`;
  const t = await getTranslations("audit.page");
  const labels = await getTranslations("audit");
  // The filter names each action in words, with its name beside it (what the export and the API say).
  const actionOption = (action: string) => {
    const key = auditActionKey(action);
    return labels.has(`actions.${key}` as never) ? t("actionOption", { label: labels(`actions.${key}` as never), action }) : action;
  };
  const query = (cursor?: { before?: string; after?: string }) =>
    queryString({ actor: filter.actor, who: filter.who, action: filter.action, from: filter.from, to: filter.to, ...cursor });
  return (
    <section aria-labelledby="audit-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="audit-heading" className="text-lg font-semibold">{t("heading")}</h2>
        <a className={buttonClass("secondary")} href={`${base}/export?${query()}`} download>{t("exportCsv")}</a>
      </div>
      <FilterBar
        base={base}
        values={{ who: filter.who, action: filter.action, from: filter.from, to: filter.to }}
        filters={[
          // A search, not a list: a workspace of thousands of members made a list of every one of them.
          { name: "who", label: t("who"), kind: "text", placeholder: t("whoPlaceholder") },
          { name: "action", label: t("action"), kind: "select", options: actions.map((a) => ({ value: a, label: actionOption(a) })) },
          { name: "from", label: t("from"), kind: "date" },
          { name: "to", label: t("to"), kind: "date" },
        ]}
      />
      <AuditTable
        rows={list.events.map((e) => ({
          id: e.id,
          at: e.createdAt.toISOString(),
          who: e.apiKey
            ? t("viaApiKey", { name: e.actor?.name ?? t("formerMember"), key: e.apiKey.name, prefix: e.apiKey.prefix })
            : (e.actor?.name ?? t("system")),
          action: e.action,
          target: e.targetType ?? "—",
          from: e.ip ?? "—",
          details: summary(e.metadata),
        }))}
      />
      {list.events.length === 0 ? <p className="text-sm text-gray-700">{t("noMatch")}</p> : null}
      <CursorPagination
        label={t("pages")}
        newerHref={list.newer ? `${base}?${query({ after: list.newer })}` : null}
        olderHref={list.older ? `${base}?${query({ before: list.older })}` : null}
      />
    </section>
  );
}
