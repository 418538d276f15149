import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { TeamCard } from "@/components/teams/team-card";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember, requirePermission } from "@/lib/authz";
import { toGrantFields } from "@/lib/teams/schemas";
import { teamsPage } from "@/lib/teams/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams.page");
  return { title: t("title") };
}

export default async function TeamsSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/teams">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "teams.manage");
  const t = await getTranslations("teams.page");
  const { teams, roleChoices, candidates } = await teamsPage(ctx.workspace.id);
  return (
    <div className="space-y-4">
      <p className="text-sm text-gray-700">{t("intro")}</p>
      <Card className="max-w-md">
        <h2 className="font-semibold">{t("newTeam")}</h2>
        <div className="mt-2"><CreateTeamForm slug={ctx.workspace.slug} /></div>
      </Card>
      {teams.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : null}
      {teams.map((team) => (
        <TeamCard
          key={team.id}
          slug={ctx.workspace.slug}
          candidates={candidates}
          roleChoices={roleChoices}
          team={{
            id: team.id,
            name: team.name,
            roleFloor: team.roleFloor === "VIEWER" || team.roleFloor === "DEVELOPER" ? team.roleFloor : "NONE",
            grant: toGrantFields(team),
            members: team.members.map((m) => ({
              membershipId: m.membershipId,
              name: m.membership.user.name,
              email: m.membership.user.email,
              expiresAt: m.expiresAt?.toISOString() ?? null,
            })),
            customRoles: team.customRoles,
          }}
        />
      ))}
    </div>
  );
}
