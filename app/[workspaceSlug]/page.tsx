import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { WorkspaceMark } from "@/components/workspaces/workspace-mark";
import { logoUrl } from "@/lib/workspaces/logo";
import { requireMember } from "@/lib/authz";
import { ROLES } from "@/lib/authz/permissions";
import { workspaceOverview } from "@/lib/workspaces/queries";
import { countLabel } from "@/lib/api/pagination";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function WorkspaceOverviewPage({ params }: PageProps<"/[workspaceSlug]">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const overview = await workspaceOverview(ctx);
  const counts = overview.resources;
  const t = await getTranslations("overview");
  const locale = await getLocale();
  const role = t(`roles.${ctx.membership.role}`);
  return (
    <div className="space-y-6">
      <header className="flex items-center gap-3">
        <WorkspaceMark name={ctx.workspace.name} logoUrl={logoUrl(ctx.workspace)} className="size-12 text-xl" />
        <div>
        <h1 className="text-2xl font-semibold">{ctx.workspace.name}</h1>
        <p className="text-sm text-gray-700">
          {ctx.workspace.stage
            ? t("summaryWithStage", { kind: t(`kind.${ctx.workspace.kind}`), stage: t(`stage.${ctx.workspace.stage}`), role })
            : t("summary", { kind: t(`kind.${ctx.workspace.kind}`), role })}
        </p>
        </div>
      </header>
      <section aria-labelledby="counts-heading" className="grid gap-4 sm:grid-cols-3">
        <h2 id="counts-heading" className="sr-only">
          {t("counts")}
        </h2>
        <Card>
          <p className="text-sm text-gray-700">{t("members")}</p>
          <p className="text-3xl font-semibold" data-testid="member-count">
            {countLabel(overview.memberCount, locale)}
          </p>
          <p className="mt-1 text-xs text-gray-600">
            {ROLES.filter((r) => overview.membersByRole[r])
              .map((r) => t("membersOfRole", { count: countLabel(overview.membersByRole[r] ?? 0, locale), role: t(`roles.${r}`) }))
              .join(" · ")}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-gray-700">{t("resources")}</p>
          <p className="text-3xl font-semibold" data-testid="resource-count">
            {countLabel(counts.projects + counts.servers + counts.instances, locale)}
          </p>
          <p className="mt-1 text-xs text-gray-600">
            {t("resourceCounts", { projects: countLabel(counts.projects, locale), servers: countLabel(counts.servers, locale), instances: countLabel(counts.instances, locale) })}
          </p>
        </Card>
      </section>
      {overview.recentEvents && (
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading" className="text-lg font-semibold">
            {t("recentActivity")}
          </h2>
          <ul className="mt-2 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
            {overview.recentEvents.map((event) => (
              <li key={event.id} className="flex justify-between gap-4 px-4 py-2 text-sm">
                <span>
                  <span className="font-medium">{event.actorName ?? t("someone")}</span> · {event.action}
                </span>
                <time dateTime={event.createdAt.toISOString()} className="text-gray-600">
                  {formatDateTime(event.createdAt, locale)}
                </time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
