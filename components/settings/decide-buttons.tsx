"use client";

import { useTranslations } from "next-intl";
import { decideQuotaRequestAction } from "@/lib/quotas/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

export function DecideButtons({ requestId, label }: { requestId: string; label: string }) {
  const t = useTranslations("admin.quotaRequests");
  const { run, pending } = useAction(decideQuotaRequestAction, {
    success: (_, { decision }) => (decision === "approve" ? t("approved") : t("denied")),
  });
  return (
    <div className="flex gap-2">
      <Button pending={pending} onClick={() => run({ requestId, decision: "approve" })} aria-label={t("approveLabel", { request: label })}>{t("approve")}</Button>
      <Button variant="secondary" disabled={pending} onClick={() => run({ requestId, decision: "deny" })} aria-label={t("denyLabel", { request: label })}>{t("deny")}</Button>
    </div>
  );
}
