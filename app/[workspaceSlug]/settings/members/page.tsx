import type { Metadata } from "next";
import { Search } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { MembersTable } from "@/components/members/members-table";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { KeysetPagination } from "@/components/ui/pagination";
import { countLabel } from "@/lib/api/pagination";
import type { AppLocale } from "@/lib/i18n/locale";
import { requireMember, requirePermission } from "@/lib/authz";
import { mayManageRole } from "@/lib/authz/permissions";
import { grantableInviteRoles } from "@/lib/invitations/schemas";
import { MemberListQuerySchema } from "@/lib/members/schemas";
import { listMembers } from "@/lib/members/queries";
import { queryString } from "@/lib/query-string";
import { formatDate } from "@/lib/i18n/format";
import { expiryInstant } from "@/components/permissions/expiry-text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members.list");
  return { title: t("title") };
}

export default async function MembersSettingsPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/members">) {
  const { workspaceSlug } = await params;
  const query = MemberListQuerySchema.parse(await searchParams);
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "members.read");
  const t = await getTranslations("members.list");
  const expiry = await getTranslations("permissions.expiry");
  const locale = (await getLocale()) as AppLocale;
  const slug = ctx.workspace.slug;
  const myRole = ctx.membership.role;
  const search = query.q ?? "";
  const list = await listMembers(ctx.workspace.id, { search, link: query });

  const rows = list.members.map((member) => {
    const isMe = member.user.id === ctx.user.id;
    // The rule the server enforces (assertMayManage), asked of the same function.
    const manageable = !isMe && mayManageRole(myRole, member.role);
    return {
      id: member.id,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      customRoles: member.customRoles?.map(({ expiresAt, ...role }) => ({ ...role, expiry: expiresAt ? expiry("until", { when: expiryInstant(expiresAt, locale) }) : null })),
      twoFactor: member.user.twoFactor,
      joinedAt: member.createdAt.toISOString(),
      joinedDay: formatDate(member.createdAt, locale),
      isMe,
      canManage: manageable,
      canTransfer: myRole === "OWNER" && !isMe && ctx.workspace.kind !== "PERSONAL",
      canEditPermissions: manageable && (member.role === "DEVELOPER" || member.role === "VIEWER"),
    };
  });

  return (
    <section aria-labelledby="members-heading" className="space-y-3">
      <h2 id="members-heading" className="text-lg font-semibold">
        {t("heading")}{" "}
        <span className="text-sm font-normal text-gray-600">{search ? t("countMatching", { count: countLabel(list.total, locale) }) : t("count", { count: countLabel(list.total, locale) })}</span>
      </h2>
      <form role="search" action={`/${slug}/settings/members`} className="flex max-w-md gap-2">
        <label htmlFor="member-search" className="sr-only">{t("searchLabel")}</label>
        <input id="member-search" name="q" defaultValue={search} placeholder={t("searchPlaceholder")} className={inputClass} />
        <button type="submit" className={buttonClass("secondary")}>
          <Search aria-hidden className="size-4" /> {t("search")}
        </button>
      </form>
      <MembersTable
        slug={slug}
        rows={rows}
        grantableRoles={grantableInviteRoles(myRole)}
        emptyText={t("empty", { search })}
        twoFactorRequired={ctx.workspace.requireTwoFactor}
      />
      <KeysetPagination
        label={t("pages")}
        previousHref={list.previous ? `/${slug}/settings/members?${queryString({ q: search, before: list.previous })}` : null}
        nextHref={list.next ? `/${slug}/settings/members?${queryString({ q: search, after: list.next })}` : null}
      />
    </section>
  );
}
