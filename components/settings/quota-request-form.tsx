"use client";

import { useTranslations } from "next-intl";
import { requestQuotaAction } from "@/lib/quotas/actions";
import { SchemaForm } from "@/components/resources/schema-form";
import { QUOTA_RESOURCES } from "@/lib/quotas/resources";
import { QuotaRequestSchema } from "@/lib/quotas/schemas";

export function QuotaRequestForm({ slug, resource }: { slug: string; resource?: (typeof QUOTA_RESOURCES)[number] }) {
  const t = useTranslations("quotas.form");
  const q = useTranslations("quotas");
  return (
    <SchemaForm
      schema={QuotaRequestSchema}
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
