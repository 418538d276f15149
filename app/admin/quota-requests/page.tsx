import type { Metadata } from "next";
import { DecideButtons } from "@/components/settings/decide-buttons";
import { Badge } from "@/components/ui/card";
import { DataTable, Td } from "@/components/ui/table";
import { requirePlatformAdmin } from "@/lib/authz/platform";
import { QUOTA_LABEL } from "@/lib/billing/plans";
import { listAllQuotaRequests } from "@/lib/quotas/queries";

export const metadata: Metadata = { title: "Quota requests" };

export default async function QuotaRequestsAdminPage() {
  const admin = await requirePlatformAdmin();
  const requests = await listAllQuotaRequests();
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-semibold">Quota requests</h1>
      <p className="text-sm text-gray-700">Signed in as {admin.email}, a platform operator.</p>
      <DataTable caption="Quota requests from every workspace" headers={["Workspace", "Quota", "Asked for", "Reason", "Status", ""]}>
        {requests.map((q) => (
          <tr key={q.id}>
            <Td>{q.workspace.name} <span className="text-gray-600">/{q.workspace.slug}</span></Td>
            <Td>{QUOTA_LABEL[q.resource]}</Td>
            <Td>{q.requestedLimit}</Td>
            <Td>{q.reason}</Td>
            <Td><Badge>{q.status.toLowerCase()}</Badge></Td>
            <Td>{q.status === "PENDING" ? <DecideButtons requestId={q.id} label={`${q.workspace.name} ${QUOTA_LABEL[q.resource].toLowerCase()} request`} /> : q.decidedByEmail}</Td>
          </tr>
        ))}
      </DataTable>
    </main>
  );
}
