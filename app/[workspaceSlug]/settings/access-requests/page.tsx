import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessRequestsTable, GeneralAccessRequest } from "@/components/access-requests/access-requests-table";
import { requireMember } from "@/lib/authz";
import { listMyAccessRequests, listWorkspaceAccessRequests, mayRequestAccess } from "@/lib/access-requests/queries";
import { GRANTABLE_KEYS, permissionMessageId } from "@/lib/authz/permissions";
import type { AppLocale } from "@/lib/i18n/locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessRequests.page");
  return { title: t("title") };
}

/** Owners and admins decide here; members below Admin follow their own requests (and may ask in general). */
export default async function AccessRequestsPage({ params }: PageProps<"/[workspaceSlug]/settings/access-requests">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const slug = ctx.workspace.slug;
  const t = await getTranslations("accessRequests.page");
  const p = await getTranslations("permissions");
  const locale = (await getLocale()) as AppLocale;
  if (ctx.can("members.manage")) {
    const { pending, decided } = await listWorkspaceAccessRequests(ctx, locale);
    return (
      <div className="space-y-6">
        <section aria-labelledby="pending-heading" className="space-y-3">
          <h2 id="pending-heading" className="text-lg font-semibold">{t("pending", { count: pending.length })}</h2>
          {pending.length === 0 ? (
            <p className="text-sm text-gray-700">{t("noPending")}</p>
          ) : (
            <AccessRequestsTable slug={slug} caption={t("pendingCaption")} rows={pending} view="staff" />
          )}
        </section>
        <section aria-labelledby="decided-heading" className="space-y-3">
          <h2 id="decided-heading" className="text-lg font-semibold">{t("decided")}</h2>
          {decided.length === 0 ? (
            <p className="text-sm text-gray-700">{t("noDecided")}</p>
          ) : (
            <AccessRequestsTable slug={slug} caption={t("decidedCaption")} rows={decided} view="staff" />
          )}
        </section>
      </div>
    );
  }
  const mine = await listMyAccessRequests(ctx, locale);
  const missing = GRANTABLE_KEYS.filter((key) => !ctx.can(key)).map((key) => ({ value: key, label: p(`keys.${permissionMessageId(key)}.label`) }));
  return (
    <section aria-labelledby="mine-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 id="mine-heading" className="text-lg font-semibold">{t("mine")}</h2>
        {mayRequestAccess(ctx) && missing.length > 0 ? <GeneralAccessRequest slug={slug} permissions={missing} /> : null}
      </div>
      {mine.length === 0 ? (
        <p className="text-sm text-gray-700">{t("noMine")}</p>
      ) : (
        <AccessRequestsTable slug={slug} caption={t("mineCaption")} rows={mine} view="requester" />
      )}
    </section>
  );
}
