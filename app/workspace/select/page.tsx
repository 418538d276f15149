import type { Metadata } from "next";
import Link from "next/link";
import { MoreHorizontal, Plus, Search } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { SessionProfileMenu } from "@/components/account/session-profile-menu";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { IconSprite } from "@/components/ui/icon-sprite";
import { inputClass } from "@/components/ui/field";
import { KeysetPagination } from "@/components/ui/pagination";
import { RestoreWorkspaceButton } from "@/components/workspaces/restore-workspace-button";
import { RoleBadge } from "@/components/workspaces/role-badge";
import { WorkspaceMark } from "@/components/workspaces/workspace-mark";
import { WorkspaceRowMenu } from "@/components/workspaces/workspace-row-menu";
import { WORKSPACE_ROW_MENU_ICON } from "@/components/workspaces/workspace-row-menu-icon";
import { COUNT_CAP } from "@/lib/api/pagination";
import { requireUserId } from "@/lib/authz";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { logoUrl } from "@/lib/workspaces/logo";
import { workspacesOverview } from "@/lib/workspaces/overview";
import { queryString } from "@/lib/query-string";
import { WorkspaceOverviewQuerySchema } from "@/lib/workspaces/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspaces.select");
  return { title: t("title") };
}

/** Below this many workspaces the whole list fits one page and a search would only get in the way. */
const SEARCH_FROM = 8;

/**
 * Every workspace the user belongs to, a page at a time: name, logo, kind and stage, member count, their
 * role, the resources they may see, which is their default (and which they came from); the name opens
 * it and a row menu has settings and "make default"; a search by name or slug once there are many.
 */
export default async function SelectWorkspacePage({ searchParams }: PageProps<"/workspace/select">) {
  const userId = await requireUserId();
  const params = WorkspaceOverviewQuerySchema.parse(await searchParams);
  const overview = await workspacesOverview(userId, { q: params.q, link: params });
  const { workspaces, deleted, account } = overview;
  const searching = overview.q !== "";
  const t = await getTranslations("workspaces.select");
  const tw = await getTranslations("workspaces");
  const locale = await getLocale();
  const href = (link: { after?: string; before?: string }) => `/workspace/select?${queryString({ q: overview.q, ...link })}`;
  // Counts stop at COUNT_CAP + 1: past it, "1,000+ members" rather than a count of every row.
  const counted = (key: "members" | "projects" | "servers" | "instances", count: number) =>
    count > COUNT_CAP ? t(`counts.${key}Capped`, { count: formatNumber(COUNT_CAP, locale) }) : t(`counts.${key}`, { count });
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <div className="mb-6 flex justify-end">
        <SessionProfileMenu />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-gray-700" data-testid="workspace-total">
            {overview.total > COUNT_CAP
              ? searching
                ? t("totalMatchingCapped", { count: formatNumber(COUNT_CAP, locale), q: overview.q })
                : t("totalCapped", { count: formatNumber(COUNT_CAP, locale) })
              : searching
                ? t("totalMatching", { count: overview.total, q: overview.q })
                : t("total", { count: overview.total })}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Link href="/workspace/new" className={buttonClass("primary")}>
            <Plus aria-hidden className="size-4" />
            {t("new")}
          </Link>
          <Link href="/account" className={buttonClass("secondary")}>
            {t("account")}
          </Link>
          <SignOutButton />
        </div>
      </div>
      <div className="mt-6 empty:hidden">
        <VerifyEmailBanner account={account} />
      </div>
      {overview.total > SEARCH_FROM || searching ? (
        <form role="search" action="/workspace/select" className="mt-6 flex gap-2">
          <div className="relative flex-1">
            <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-gray-600" />
            <input
              type="search"
              name="q"
              aria-label={t("searchLabel")}
              defaultValue={overview.q}
              placeholder={t("searchPlaceholder")}
              className={`${inputClass} pl-9`}
            />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("search")}
          </button>
        </form>
      ) : null}
      {workspaces.length === 0 ? (
        <EmptyState
          className="mt-6"
          title={searching ? t("empty.noMatch", { q: overview.q }) : t("empty.none")}
          action={
            searching ? (
              <Link href="/workspace/select" className={buttonClass("secondary")}>
                {t("empty.showAll")}
              </Link>
            ) : (
              <Link href="/workspace/new" className={buttonClass("primary")}>
                {t("empty.create")}
              </Link>
            )
          }
        >
          {searching ? t("empty.noMatchHint") : t("empty.noneHint")}
        </EmptyState>
      ) : (
        <>
        <IconSprite icons={{ [WORKSPACE_ROW_MENU_ICON]: MoreHorizontal }} />
        <ul className="mt-6 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white" aria-label={t("listLabel")}>
          {workspaces.map((workspace) => (
            <li key={workspace.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
              <WorkspaceMark name={workspace.name} logoUrl={workspace.needsTwoFactor ? null : logoUrl(workspace)} className="size-10 text-base" />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/${workspace.slug}`} className="font-medium text-gray-900 hover:underline">
                    {workspace.name}
                  </Link>
                  {workspace.slug === params.current ? <Badge className="bg-green-100 text-green-900">{t("current")}</Badge> : null}
                  {workspace.isDefault ? <Badge className="bg-indigo-100 text-indigo-900">{t("default")}</Badge> : null}
                </p>
                <p className="truncate text-sm text-gray-700">
                  /{workspace.slug} · {tw(`kinds.${workspace.kind}`)}
                  {workspace.stage ? ` · ${tw(`stages.${workspace.stage}`)}` : ""}
                </p>
                <p className="text-sm text-gray-700" data-testid="workspace-counts">
                  {counted("members", workspace.memberCount)}
                  {workspace.resources
                    ? ` · ${counted("projects", workspace.resources.projects)} · ${counted("servers", workspace.resources.servers)} · ${counted("instances", workspace.resources.instances)}`
                    : ` · ${t("counts.needsTwoFactor")}`}
                </p>
              </div>
              <RoleBadge role={workspace.role} />
              <WorkspaceRowMenu workspace={{ id: workspace.id, name: workspace.name, slug: workspace.slug, isDefault: workspace.isDefault }} />
            </li>
          ))}
        </ul>
        </>
      )}
      <div className="mt-4">
        <KeysetPagination
          label={t("pagesLabel")}
          previousHref={overview.previous ? href({ before: overview.previous }) : null}
          nextHref={overview.next ? href({ after: overview.next }) : null}
        />
      </div>
      {deleted.length > 0 ? (
        <section aria-labelledby="deleted-heading" className="mt-10">
          <h2 id="deleted-heading" className="text-lg font-semibold">{t("deleted.heading")}</h2>
          <p className="mt-1 text-sm text-gray-700">{t("deleted.intro")}</p>
          <ul className="mt-4 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white" aria-label={t("deleted.listLabel")}>
            {deleted.map((workspace) => (
              <li key={workspace.id} className="flex items-center gap-3 px-4 py-3">
                <WorkspaceMark name={workspace.name} />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-gray-900">{workspace.name}</p>
                  <p className="text-sm text-gray-600">{t("deleted.deletedAt", { slug: workspace.slug, at: formatDateTime(workspace.deletedAt, locale) })}</p>
                  <p className="text-sm text-gray-800">
                    {t.rich("deleted.purgeOn", {
                      time: (chunks) => <time dateTime={workspace.purgeAfter.toISOString()}>{chunks}</time>,
                      at: formatDateTime(workspace.purgeAfter, locale),
                    })}
                  </p>
                </div>
                <RestoreWorkspaceButton workspaceId={workspace.id} workspaceName={workspace.name} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
