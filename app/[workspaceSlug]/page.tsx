import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { WorkspaceMark } from "@/components/workspaces/workspace-mark";
import { logoUrl } from "@/lib/workspaces/logo";
import { requireMember } from "@/lib/authz";
import { ROLE_LABEL, ROLES } from "@/lib/authz/permissions";
import { workspaceOverview } from "@/lib/workspaces/queries";
import { utcMinute } from "@/lib/dates";

export const metadata: Metadata = { title: "Overview" };

const KIND_LABEL = { PERSONAL: "Personal workspace", PROJECT: "Project", ENVIRONMENT: "Environment" } as const;

export default async function WorkspaceOverviewPage({ params }: PageProps<"/[workspaceSlug]">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  const overview = await workspaceOverview(ctx);
  const counts = overview.resources;
  return (
    <div className="space-y-6">
      <header className="flex items-center gap-3">
        <WorkspaceMark name={ctx.workspace.name} logoUrl={logoUrl(ctx.workspace)} className="size-12 text-xl" />
        <div>
        <h1 className="text-2xl font-semibold">{ctx.workspace.name}</h1>
        <p className="text-sm text-gray-700">
          {KIND_LABEL[ctx.workspace.kind]}
          {ctx.workspace.stage ? ` · ${ctx.workspace.stage.toLowerCase()}` : ""} · you are {ROLE_LABEL[ctx.membership.role]}
        </p>
        </div>
      </header>
      <section aria-labelledby="counts-heading" className="grid gap-4 sm:grid-cols-3">
        <h2 id="counts-heading" className="sr-only">
          Counts
        </h2>
        <Card>
          <p className="text-sm text-gray-700">Members</p>
          <p className="text-3xl font-semibold" data-testid="member-count">
            {overview.memberCount}
          </p>
          <p className="mt-1 text-xs text-gray-600">
            {ROLES.filter((r) => overview.membersByRole[r]).map((r) => `${overview.membersByRole[r]} ${ROLE_LABEL[r]}`).join(" · ")}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-gray-700">Resources you can access</p>
          <p className="text-3xl font-semibold" data-testid="resource-count">
            {counts.projects + counts.servers + counts.instances}
          </p>
          <p className="mt-1 text-xs text-gray-600">
            {counts.projects} projects · {counts.servers} servers · {counts.instances} instances
          </p>
        </Card>
      </section>
      {overview.recentEvents && (
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading" className="text-lg font-semibold">
            Recent activity
          </h2>
          <ul className="mt-2 divide-y divide-gray-200 rounded-lg border border-gray-200 bg-white">
            {overview.recentEvents.map((event) => (
              <li key={event.id} className="flex justify-between gap-4 px-4 py-2 text-sm">
                <span>
                  <span className="font-medium">{event.actorName ?? "Someone"}</span> · {event.action}
                </span>
                <time dateTime={event.createdAt.toISOString()} className="text-gray-600">
                  {utcMinute(event.createdAt)} UTC
                </time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
