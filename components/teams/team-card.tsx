"use client";

import { KeyRound, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { deleteTeamAction, removeTeamMemberAction } from "@/lib/teams/actions";
import { ActionButton } from "@/components/resources/action-button";
import { useFormatExpiry } from "@/components/permissions/expiry-text";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { GrantFields } from "@/lib/teams/schemas";
import { AddTeamMemberForm, TeamRoles, type TeamRoleView } from "./team-roles";

// The modal, its form and its schema load on the first click, not with the Teams page.
const TeamPermissionsDialog = lazy(() => import("./team-permissions-dialog"));

export interface TeamView {
  id: string;
  name: string;
  roleFloor: "NONE" | "VIEWER" | "DEVELOPER";
  grant: GrantFields;
  members: { membershipId: string; name: string; email: string; expiresAt: string | null }[];
  customRoles: TeamRoleView[];
}

export function TeamCard({
  slug,
  team,
  candidates,
  roleChoices,
}: {
  slug: string;
  team: TeamView;
  candidates: { membershipId: string; name: string }[];
  roleChoices: { id: string; name: string }[];
}) {
  const t = useTranslations("teams.card");
  const formatExpiry = useFormatExpiry();
  const [permissionsOpen, setPermissionsOpen] = useState(false);
  const available = candidates.filter((c) => !team.members.some((m) => m.membershipId === c.membershipId));
  const name = team.name;

  return (
    <Card>
      <section aria-labelledby={`team-${team.id}`} className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 id={`team-${team.id}`} className="text-lg font-semibold">{team.name}</h2>
            <p className="text-xs text-gray-600">
              {t("summary", {
                actions: team.grant.actions.length,
                projects: team.grant.projectIds.length,
                instances: team.grant.instanceIds.length,
                servers: team.grant.serverIds.length,
              })}
              {team.roleFloor !== "NONE" ? ` · ${t("floor", { floor: team.roleFloor })}` : ""}
            </p>
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setPermissionsOpen(true)} aria-label={t("permissionsLabel", { name })}>
              <KeyRound aria-hidden className="size-4" /> {t("permissions")}
            </Button>
            <ActionButton
              action={deleteTeamAction}
              slug={slug}
              input={{ teamId: team.id }}
              variant="ghost"
              label={t("deleteLabel", { name })}
              success={t("deleted")}
              confirm={{ title: t("deleteTitle", { name }), description: t("deleteDescription"), confirmLabel: t("deleteConfirm") }}
            >
              <Trash2 aria-hidden className="size-4" />
            </ActionButton>
          </div>
        </div>
        <ul aria-label={t("membersLabel", { name })} className="divide-y divide-gray-100 text-sm">
          {team.members.length === 0 ? <li className="py-1 text-gray-600">{t("noMembers")}</li> : null}
          {team.members.map((m) => (
            <li key={m.membershipId} className="flex items-center justify-between py-1">
              <span>
                {m.name} <span className="text-gray-600">{m.email}</span>
                {m.expiresAt ? <span className="text-xs text-gray-600"> · {formatExpiry(m.expiresAt)}</span> : null}
              </span>
              <ActionButton action={removeTeamMemberAction} slug={slug} input={{ teamId: team.id, membershipId: m.membershipId }} variant="ghost" label={t("removeLabel", { member: m.name, name })} success={t("removed", { member: m.name, name })}>
                {t("remove")}
              </ActionButton>
            </li>
          ))}
        </ul>
        <TeamRoles slug={slug} team={team} roles={team.customRoles} choices={roleChoices} />
        {available.length > 0 ? <AddTeamMemberForm slug={slug} team={team} available={available} /> : null}
      </section>
      {permissionsOpen ? <Suspense fallback={null}><TeamPermissionsDialog slug={slug} team={team} onClose={() => setPermissionsOpen(false)} /></Suspense> : null}
    </Card>
  );
}
