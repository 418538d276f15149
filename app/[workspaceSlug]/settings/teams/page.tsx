import type { Metadata } from "next";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { TeamCard } from "@/components/teams/team-card";
import { Card } from "@/components/ui/card";
import { requireMember, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { toGrantFields } from "@/lib/teams/schemas";
import { grantOptions, listTeams } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsSettingsPage({ params }: PageProps<"/[workspaceSlug]/settings/teams">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "teams.manage");
  const [teams, options, members] = await Promise.all([
    listTeams(ctx.workspace.id),
    grantOptions(ctx),
    db().membership.findMany({
      where: { workspaceId: ctx.workspace.id, role: { in: ["DEVELOPER", "VIEWER"] } },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: { id: true, user: { select: { name: true } } },
    }),
  ]);
  const candidates = members.map((m) => ({ membershipId: m.id, name: m.user.name }));
  return (
    <div className="space-y-4">
      <p className="text-sm text-gray-700">A team gives all its members the same permissions, on top of their own. Admins and the owner already hold everything.</p>
      <Card className="max-w-md">
        <h2 className="font-semibold">New team</h2>
        <div className="mt-2"><CreateTeamForm slug={ctx.workspace.slug} /></div>
      </Card>
      {teams.map((team) => (
        <TeamCard
          key={team.id}
          slug={ctx.workspace.slug}
          options={options}
          candidates={candidates}
          team={{
            id: team.id,
            name: team.name,
            roleFloor: team.roleFloor === "VIEWER" || team.roleFloor === "DEVELOPER" ? team.roleFloor : "NONE",
            grant: toGrantFields(team),
            members: team.members.map((m) => ({ membershipId: m.membershipId, name: m.membership.user.name, email: m.membership.user.email })),
          }}
        />
      ))}
    </div>
  );
}
