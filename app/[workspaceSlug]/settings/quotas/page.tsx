import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { QuotaRequestForm } from "@/components/settings/quota-request-form";
import { Badge, Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember, requirePermission } from "@/lib/authz";
import { quotasOverview } from "@/lib/quotas/queries";
import { QUOTA_RESOURCES } from "@/lib/quotas/resources";
import { formatDate, formatNumber } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quotas.page");
  return { title: t("title") };
}

export default async function QuotasPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/quotas">) {
  const { workspaceSlug } = await params;
  const { resource } = await searchParams;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "quotas.manage");
  const { limits, usage, requests } = await quotasOverview(ctx.workspace.id, ctx.workspace.plan);
  const preset = QUOTA_RESOURCES.find((r) => r === resource);
  const t = await getTranslations("quotas.page");
  const q = await getTranslations("quotas");
  const locale = await getLocale();
  return (
    <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="usage-heading" className="space-y-3">
        <h2 id="usage-heading" className="text-lg font-semibold">{t("usageHeading")}</h2>
        <ul className="space-y-3">
          {QUOTA_RESOURCES.map((r) => {
            const pct = limits[r] > 0 ? Math.min(100, Math.round((usage[r] / limits[r]) * 100)) : 100;
            return (
              <li key={r} className="rounded-lg border border-gray-200 bg-white p-3">
                <div className="flex justify-between text-sm">
                  <span className="font-medium" id={`quota-${r}`}>{q(`resources.${r}`)}</span>
                  <span className="text-gray-800">{t("usage", { used: usage[r], limit: limits[r] })}</span>
                </div>
                <div
                  role="progressbar"
                  aria-labelledby={`quota-${r}`}
                  aria-valuemin={0}
                  aria-valuemax={limits[r]}
                  aria-valuenow={usage[r]}
                  className="mt-2 h-2 rounded-full bg-gray-200"
                >
                  <div className={`h-2 rounded-full ${pct >= 100 ? "bg-red-700" : pct >= 80 ? "bg-amber-600" : "bg-brand"}`} style={{ width: `${pct}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
        <h2 className="pt-2 text-lg font-semibold">{t("requestsHeading")}</h2>
        {requests.length === 0 ? (
          <EmptyState title={t("noRequestsTitle")}>{t("noRequests")}</EmptyState>
        ) : (
        <DataTable caption={t("requestsCaption")} headers={[t("headers.quota"), t("headers.askedFor"), t("headers.reason"), t("headers.status"), t("headers.sent")]}>
          {requests.map((request) => (
            <tr key={request.id}>
              <Td>{q(`resources.${request.resource}`)}</Td>
              <Td>{formatNumber(request.requestedLimit, locale)}</Td>
              <Td>{request.reason}</Td>
              <Td><Badge>{q(`status.${request.status}`)}</Badge></Td>
              <Td>{formatDate(request.createdAt, locale)}</Td>
            </tr>
          ))}
        </DataTable>
        )}
      </section>
      <Card>
        <h2 className="text-lg font-semibold">{t("requestHeading")}</h2>
        <p className="text-sm text-gray-700">{t("requestNote")}</p>
        <div className="mt-3"><QuotaRequestForm slug={ctx.workspace.slug} resource={preset} /></div>
      </Card>
    </div>
  );
}
