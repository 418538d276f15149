import type { Metadata } from "next";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { MoreHorizontal } from "lucide-react";
import { InvitationActions } from "@/components/members/invitation-actions";
import { INVITATION_ICONS } from "@/components/members/invitation-icons";
import { IconSprite } from "@/components/ui/icon-sprite";
import { Badge } from "@/components/ui/card";
import { KeysetPagination } from "@/components/ui/pagination";
import { countLabel } from "@/lib/api/pagination";
import { DataTable, Td } from "@/components/ui/table";
import { RoleBadge } from "@/components/workspaces/role-badge";
import { requireMember, requirePermission } from "@/lib/authz";
import { mailIsRecorded } from "@/lib/email";
import { listPendingInvitations } from "@/lib/invitations/queries";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locale";
import type { EmailState } from "@/lib/email/outbox";
import { queryString } from "@/lib/query-string";
import { PageLinkQuery } from "@/lib/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members.invitations");
  return { title: t("title") };
}

export default async function PendingInvitationsPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/members/invitations">) {
  const { workspaceSlug } = await params;
  const link = PageLinkQuery.parse(await searchParams);
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "members.invite");
  const slug = ctx.workspace.slug;
  const pending = await listPendingInvitations(ctx.workspace.id, link);
  const offerCopyLink = mailIsRecorded();
  const t = await getTranslations("members.invitations");
  const locale = (await getLocale()) as AppLocale;

  return (
    <section aria-labelledby="invitations-heading" className="space-y-3">
      <h2 id="invitations-heading" className="text-lg font-semibold">
        {t("heading")} <span className="text-sm font-normal text-gray-600">{t("count", { count: countLabel(pending.total, locale) })}</span>
      </h2>
      {pending.invitations.length === 0 ? (
        <p className="text-sm text-gray-700">{t("none")}</p>
      ) : (
        <>
        <IconSprite icons={{ [INVITATION_ICONS.menu]: MoreHorizontal }} />
        <DataTable caption={t("caption")} headers={[t("headers.email"), t("headers.role"), t("headers.invitedBy"), t("headers.invitationEmail"), t("headers.expires"), ""]}>
          {pending.invitations.map((inv) => (
            <tr key={inv.id}>
              <Td>{inv.email}</Td>
              <Td><RoleBadge role={inv.role} /></Td>
              <Td className="text-gray-700">{inv.invitedBy?.name ?? "—"}</Td>
              <Td className="text-gray-700"><EmailDelivery delivery={inv.delivery} lastSentAt={inv.lastSentAt} /></Td>
              <Td className="text-gray-700">
                {inv.status === "expired" ? <Badge className="bg-amber-100 text-amber-900">{t("expired")}</Badge> : formatDate(inv.expiresAt, locale)}
              </Td>
              <Td className="text-right">
                <InvitationActions slug={slug} invitation={{ id: inv.id, email: inv.email, status: inv.status }} offerCopyLink={offerCopyLink} />
              </Td>
            </tr>
          ))}
        </DataTable>
        </>
      )}
      <KeysetPagination
        label={t("pages")}
        previousHref={pending.previous ? `/${slug}/settings/members/invitations?${queryString({ before: pending.previous })}` : null}
        nextHref={pending.next ? `/${slug}/settings/members/invitations?${queryString({ after: pending.next })}` : null}
      />
    </section>
  );
}

const STATE_BADGE: Record<EmailState, string> = {
  sending: "bg-blue-100 text-blue-900",
  sent: "bg-green-100 text-green-900",
  retrying: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
};

/** Where the invitation's latest email stands in the outbox, with the reason when it failed. */
function EmailDelivery({
  delivery,
  lastSentAt,
}: {
  delivery: { state: EmailState; lastError: string | null; nextAttemptAt: Date } | null;
  lastSentAt: Date | null;
}) {
  const d = useTranslations("members.invitations.delivery");
  const locale = useLocale() as AppLocale;
  if (!delivery) return <>{lastSentAt ? formatDate(lastSentAt, locale) : d("notSent")}</>;
  return (
    <div className="space-y-1">
      <Badge className={STATE_BADGE[delivery.state]}>{d(`states.${delivery.state}`)}</Badge>
      {delivery.state === "sent" && lastSentAt ? <p className="text-xs">{formatDate(lastSentAt, locale)}</p> : null}
      {delivery.state === "retrying" ? (
        <p className="text-xs">
          {d("retrying", { error: delivery.lastError ?? "", when: formatDateTime(delivery.nextAttemptAt, locale) })}
        </p>
      ) : null}
      {delivery.state === "failed" ? <p className="text-xs text-red-800">{d("failed", { error: delivery.lastError ?? "" })}</p> : null}
    </div>
  );
}
