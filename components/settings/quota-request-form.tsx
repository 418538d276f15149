"use client";

import { useTranslations } from "next-intl";
import { requestQuotaAction } from "@/lib/quotas/actions";
import { SchemaForm } from "@/components/resources/schema-form";
import { QUOTA_RESOURCES } from "@/lib/quotas/resources";
import type { QuotaRequestSchema } from "@/lib/quotas/schemas";

// zod and the schema load after the page (components/forms/use-action-form.ts).
const loadQuotaRequestSchema = (): Promise<typeof QuotaRequestSchema> => import("@/lib/quotas/schemas").then((m) => m.QuotaRequestSchema);

export function QuotaRequestForm({ slug, resource }: { slug: string; resource?: (typeof QUOTA_RESOURCES)[number] }) {
  const t = useTranslations("quotas.form");
  const q = useTranslations("quotas");
  return (
    <SchemaForm
      schema={loadQuotaRequestSchema}
      fields={[
        { name: "resource", label: t("quota"), kind: "select", options: QUOTA_RESOURCES.map((r) => ({ value: r, label: q(`resources.${r}`) })) },
        { name: "requestedLimit", label: t("newLimit"), kind: "number" },
        { name: "reason", label: t("reason"), kind: "textarea" },
      ]}
      defaultValues={{ resource: resource ?? "PROJECTS", requestedLimit: "", reason: "" }}
      action={(input) => requestQuotaAction(slug, input)}
      submitLabel={t("send")}
      success={t("sent")}
    />
  );
}
