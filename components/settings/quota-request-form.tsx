"use client";

import { requestQuotaAction } from "@/lib/quotas/actions";
import { SchemaForm } from "@/components/resources/schema-form";
import { QUOTA_LABEL } from "@/lib/billing/plans";
import { QUOTA_RESOURCES } from "@/lib/quotas/resources";
import { QuotaRequestSchema } from "@/lib/quotas/schemas";

export function QuotaRequestForm({ slug, resource }: { slug: string; resource?: (typeof QUOTA_RESOURCES)[number] }) {
  return (
    <SchemaForm
      schema={QuotaRequestSchema}
      fields={[
        { name: "resource", label: "Quota", kind: "select", options: QUOTA_RESOURCES.map((r) => ({ value: r, label: QUOTA_LABEL[r] })) },
        { name: "requestedLimit", label: "New limit", kind: "number" },
        { name: "reason", label: "Reason", kind: "textarea" },
      ]}
      defaultValues={{ resource: resource ?? "PROJECTS", requestedLimit: "", reason: "" }}
      action={(input) => requestQuotaAction(slug, input)}
      submitLabel="Send request"
      success="Request sent to the platform operators"
    />
  );
}
