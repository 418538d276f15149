"use client";

import { KeyRound, Trash2 } from "lucide-react";
import { useState } from "react";
import { addTeamMemberAction, deleteTeamAction, removeTeamMemberAction, updateTeamPermissionsAction } from "@/lib/teams/actions";
import { PermissionsDialog, type GrantOptions } from "@/components/permissions/permissions-dialog";
import { ActionButton } from "@/components/resources/action-button";
import { SchemaForm } from "@/components/resources/schema-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TeamMemberSchema, type GrantFields } from "@/lib/teams/schemas";

export interface TeamView {
  id: string;
  name: string;
  roleFloor: "NONE" | "VIEWER" | "DEVELOPER";
  grant: GrantFields;
  members: { membershipId: string; name: string; email: string }[];
}

export function TeamCard({
  slug,
  team,
  candidates,
  options,
}: {
  slug: string;
  team: TeamView;
  candidates: { membershipId: string; name: string }[];
  options: GrantOptions;
}) {
  const [permissionsOpen, setPermissionsOpen] = useState(false);
  const available = candidates.filter((c) => !team.members.some((m) => m.membershipId === c.membershipId));
  const summary = team.grant.actions.length === 0 ? "No actions granted" : `${team.grant.actions.length} action(s) granted`;

  return (
    <Card>
      <section aria-labelledby={`team-${team.id}`} className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 id={`team-${team.id}`} className="text-lg font-semibold">{team.name}</h2>
            <p className="text-xs text-gray-600">
              {summary} · {team.grant.projectIds.length} project(s), {team.grant.instanceIds.length} instance(s), {team.grant.serverIds.length} server(s)
              {team.roleFloor !== "NONE" ? ` · floor ${team.roleFloor.toLowerCase()}` : ""}
            </p>
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setPermissionsOpen(true)} aria-label={`Permissions for team ${team.name}`}>
              <KeyRound aria-hidden className="size-4" /> Permissions
            </Button>
            <ActionButton
              action={deleteTeamAction}
              slug={slug}
              input={{ teamId: team.id }}
              variant="ghost"
              label={`Delete team ${team.name}`}
              success="Team deleted"
              confirm={{ title: `Delete ${team.name}?`, description: "Its members keep their own permissions and lose the team's.", confirmLabel: "Delete team" }}
            >
              <Trash2 aria-hidden className="size-4" />
            </ActionButton>
          </div>
        </div>
        <ul aria-label={`Members of ${team.name}`} className="divide-y divide-gray-100 text-sm">
          {team.members.length === 0 ? <li className="py-1 text-gray-600">No members yet.</li> : null}
          {team.members.map((m) => (
            <li key={m.membershipId} className="flex items-center justify-between py-1">
              <span>{m.name} <span className="text-gray-600">{m.email}</span></span>
              <ActionButton action={removeTeamMemberAction} slug={slug} input={{ teamId: team.id, membershipId: m.membershipId }} variant="ghost" label={`Remove ${m.name} from ${team.name}`} success={`${m.name} left ${team.name}`}>
                Remove
              </ActionButton>
            </li>
          ))}
        </ul>
        {available.length > 0 ? (
          <SchemaForm
            schema={TeamMemberSchema}
            fields={[
              { name: "membershipId", label: `Add a member to ${team.name}`, kind: "select", options: available.map((c) => ({ value: c.membershipId, label: c.name })), placeholder: "Choose a member" },
            ]}
            defaultValues={{}}
            fixed={{ teamId: team.id }}
            action={(input) => addTeamMemberAction(slug, input)}
            submitLabel="Add"
            success="Added to the team"
          />
        ) : null}
      </section>
      <PermissionsDialog
        open={permissionsOpen}
        onOpenChange={setPermissionsOpen}
        title={`Permissions for team ${team.name}`}
        description="Every member of the team gets these, on top of their own."
        data={{ initial: { ...team.grant, roleFloor: team.roleFloor }, options }}
        withRoleFloor
        action={(values) => updateTeamPermissionsAction(slug, { ...values, roleFloor: values.roleFloor ?? "NONE", teamId: team.id })}
        success={`Permissions saved for ${team.name}`}
      />
    </Card>
  );
}
