import type { Metadata } from "next";
import { QuotaRequestForm } from "@/components/settings/quota-request-form";
import { Badge, Card } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { requireMember, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { QUOTA_LABEL } from "@/lib/billing/plans";
import { listQuotaRequests, quotaLimits, quotaUsage } from "@/lib/quotas/queries";
import { QUOTA_RESOURCES } from "@/lib/quotas/resources";
import { utcDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Quotas" };

export default async function QuotasPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/quotas">) {
  const { workspaceSlug } = await params;
  const { resource } = await searchParams;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "quotas.manage");
  const [limits, usage, requests] = await Promise.all([
    quotaLimits(db(), ctx.workspace.id, ctx.workspace.plan),
    quotaUsage(db(), ctx.workspace.id),
    listQuotaRequests(ctx.workspace.id),
  ]);
  const preset = QUOTA_RESOURCES.find((r) => r === resource);
  return (
    <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="usage-heading" className="space-y-3">
        <h2 id="usage-heading" className="text-lg font-semibold">Usage and limits</h2>
        <ul className="space-y-3">
          {QUOTA_RESOURCES.map((r) => {
            const pct = limits[r] > 0 ? Math.min(100, Math.round((usage[r] / limits[r]) * 100)) : 100;
            return (
              <li key={r} className="rounded-lg border border-gray-200 bg-white p-3">
                <div className="flex justify-between text-sm">
                  <span className="font-medium" id={`quota-${r}`}>{QUOTA_LABEL[r]}</span>
                  <span className="text-gray-800">{usage[r]} of {limits[r]}</span>
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
        <h2 className="pt-2 text-lg font-semibold">Requests</h2>
        <DataTable caption="Quota requests" headers={["Quota", "Asked for", "Reason", "Status", "Sent"]}>
          {requests.map((q) => (
            <tr key={q.id}>
              <Td>{QUOTA_LABEL[q.resource]}</Td>
              <Td>{q.requestedLimit}</Td>
              <Td>{q.reason}</Td>
              <Td><Badge>{q.status.toLowerCase()}</Badge></Td>
              <Td>{utcDay(q.createdAt)}</Td>
            </tr>
          ))}
        </DataTable>
      </section>
      <Card>
        <h2 className="text-lg font-semibold">Request a change</h2>
        <p className="text-sm text-gray-700">Platform operators review requests; you get an email either way.</p>
        <div className="mt-3"><QuotaRequestForm slug={ctx.workspace.slug} resource={preset} /></div>
      </Card>
    </div>
  );
}
