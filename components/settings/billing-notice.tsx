import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { BillingNotice } from "@/lib/billing/queries";
import { formatDate } from "@/lib/i18n/format";

/**
 * Told to every member at the top of the workspace's pages: an unpaid renewal (with the day the grace
 * ends) or a fall back to Free. Whoever may top up gets the link to Billing; the others are told who can.
 */
export function BillingNoticeBanner({ notice, workspaceName, billingHref }: { notice: BillingNotice | null; workspaceName: string; billingHref: string | null }) {
  const t = useTranslations("shell.billingNotice");
  const locale = useLocale();
  if (!notice) return null;
  const pastDue = notice.kind === "past_due";
  const action = billingHref ? (
    <Link href={billingHref} className="font-medium underline">
      {pastDue ? t("topUpLink") : t("upgradeLink")}
    </Link>
  ) : (
    <span>{pastDue ? t("askTopUp") : t("askUpgrade")}</span>
  );
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <div
      role="region"
      aria-label={t("label")}
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      {notice.kind === "past_due" ? (
        <p>
          {t.rich("pastDue", {
            strong,
            plan: t(`plans.${notice.plan}`),
            day: formatDate(notice.graceEndsAt, locale),
            workspace: workspaceName,
          })}
        </p>
      ) : (
        <p>{t.rich("downgraded", { strong, plan: t(`plans.${notice.from}`), day: formatDate(notice.at, locale) })}</p>
      )}
      {action}
    </div>
  );
}
