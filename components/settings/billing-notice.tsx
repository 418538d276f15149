import Link from "next/link";
import { PLAN_CAPS } from "@/lib/billing/plans";
import type { BillingNotice } from "@/lib/billing/queries";
import { utcDay } from "@/lib/dates";

/**
 * Told to every member at the top of the workspace's pages: an unpaid renewal (with the day the grace
 * ends) or a fall back to Free. Whoever may top up gets the link to Billing; the others are told who can.
 */
export function BillingNoticeBanner({ notice, workspaceName, billingHref }: { notice: BillingNotice | null; workspaceName: string; billingHref: string | null }) {
  if (!notice) return null;
  const action = billingHref ? (
    <Link href={billingHref} className="font-medium underline">
      {notice.kind === "past_due" ? "Top up in Billing" : "Upgrade in Billing"}
    </Link>
  ) : (
    <span>Ask the workspace&apos;s owner to {notice.kind === "past_due" ? "top up" : "upgrade"}.</span>
  );
  return (
    <div
      role="region"
      aria-label="Billing"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      {notice.kind === "past_due" ? (
        <p>
          <strong>Payment needed:</strong> the {PLAN_CAPS[notice.plan].label} plan&apos;s renewal is unpaid. Unless the balance is topped up by{" "}
          {utcDay(notice.graceEndsAt)} (UTC), {workspaceName} falls back to the Free plan; nothing is deleted, but what exceeds Free becomes read-only.
        </p>
      ) : (
        <p>
          <strong>On the Free plan since {utcDay(notice.at)}:</strong> the {PLAN_CAPS[notice.from].label} renewal went unpaid. Nothing was deleted; what
          exceeds the Free plan is read-only (creating more of it, or inviting past its seats, is refused).
        </p>
      )}
      {action}
    </div>
  );
}
