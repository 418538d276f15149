import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DecideButtons } from "@/components/settings/decide-buttons";
import { Badge } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { requirePlatformAdmin } from "@/lib/authz/platform";
import { listAllQuotaRequests } from "@/lib/quotas/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.quotaRequests");
  return { title: t("title") };
}

export default async function QuotaRequestsAdminPage() {
  const admin = await requirePlatformAdmin();
  const requests = await listAllQuotaRequests();
  const t = await getTranslations("admin.quotaRequests");
  const q = await getTranslations("quotas");
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-gray-700">{t("signedInAs", { email: admin.email })}</p>
      <DataTable
        caption={t("caption")}
        headers={[t("headers.workspace"), t("headers.quota"), t("headers.askedFor"), t("headers.reason"), t("headers.status"), ""]}
      >
        {requests.map((request) => (
          <tr key={request.id}>
            <Td>{request.workspace.name} <span className="text-gray-600">/{request.workspace.slug}</span></Td>
            <Td>{q(`resources.${request.resource}`)}</Td>
            <Td>{request.requestedLimit}</Td>
            <Td>{request.reason}</Td>
            <Td><Badge>{q(`status.${request.status}`)}</Badge></Td>
            <Td>
              {request.status === "PENDING" ? (
                <DecideButtons
                  requestId={request.id}
                  label={t("requestLabel", { workspace: request.workspace.name, quota: q(`emails.resources.${request.resource}`) })}
                />
              ) : (
                request.decidedByEmail
              )}
            </Td>
          </tr>
        ))}
      </DataTable>
    </main>
  );
}
