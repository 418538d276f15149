"use client";

import { Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PermissionsDialog, type GrantOptions } from "@/components/permissions/permissions-dialog";
import { ActionButton } from "@/components/resources/action-button";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { permissionMessageId } from "@/lib/authz/permissions";
import { createCustomRoleAction, deleteCustomRoleAction, updateCustomRoleAction } from "@/lib/roles/actions";
import type { GrantFields } from "@/lib/teams/schemas";

export interface CustomRoleView {
  id: string;
  name: string;
  description: string;
  grant: GrantFields;
  memberCount: number;
  teamCount: number;
}

const EMPTY: GrantFields = { actions: [], projectIds: [], instanceIds: [], serverIds: [] };

/** Settings → Roles: the workspace's custom roles, each with its holders, created and edited in the permissions modal. */
export function RolesManager({ slug, roles, options }: { slug: string; roles: CustomRoleView[]; options: GrantOptions }) {
  const t = useTranslations("roles.manager");
  const p = useTranslations("permissions");
  const [editing, setEditing] = useState<CustomRoleView | "new" | null>(null);
  const close = () => setEditing(null);
  const names = (ids: string[], list: { id: string; name: string }[]) => list.filter((item) => ids.includes(item.id)).map((item) => item.name);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="max-w-prose text-sm text-gray-700">
          {t("intro")}
        </p>
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden className="size-4" /> {t("new")}
        </Button>
      </div>
      {roles.length === 0 ? <Card><p className="text-sm text-gray-700">{t("none")}</p></Card> : null}
      {roles.map((role) => {
        const where = [...names(role.grant.projectIds, options.projects), ...names(role.grant.instanceIds, options.instances), ...names(role.grant.serverIds, options.servers)];
        return (
          <Card key={role.id}>
            <section aria-labelledby={`role-${role.id}`} className="flex flex-wrap items-start justify-between gap-3">
              <div className="space-y-1">
                <h2 id={`role-${role.id}`} className="text-lg font-semibold">{role.name}</h2>
                {role.description ? <p className="text-sm text-gray-700">{role.description}</p> : null}
                <p className="flex flex-wrap gap-1" aria-label={t("permissionsLabel", { name: role.name })}>
                  {role.grant.actions.length === 0 ? <span className="text-sm text-gray-600">{t("noActions")}</span> : null}
                  {role.grant.actions.map((key) => <Badge key={key}>{p(`keys.${permissionMessageId(key)}.label`)}</Badge>)}
                </p>
                <p className="text-xs text-gray-600">
                  {where.length ? t("on", { resources: where.join(", ") }) : t("noResources")} · {t("heldBy", { members: role.memberCount, teams: role.teamCount })}
                </p>
              </div>
              <div className="flex gap-2">
                <Button variant="secondary" onClick={() => setEditing(role)} aria-label={t("editLabel", { name: role.name })}>
                  <Pencil aria-hidden className="size-4" /> {t("edit")}
                </Button>
                <ActionButton
                  action={deleteCustomRoleAction}
                  slug={slug}
                  input={{ customRoleId: role.id }}
                  variant="ghost"
                  label={t("deleteLabel", { name: role.name })}
                  success={t("deleted")}
                  confirm={{
                    title: t("deleteTitle", { name: role.name }),
                    description: t("deleteDescription", { members: role.memberCount, teams: role.teamCount }),
                    confirmLabel: t("deleteConfirm"),
                  }}
                >
                  <Trash2 aria-hidden className="size-4" />
                </ActionButton>
              </div>
            </section>
          </Card>
        );
      })}
      {editing === "new" ? (
        <PermissionsDialog
          open
          onOpenChange={(o) => !o && close()}
          title={t("newTitle")}
          description={t("newDescription")}
          data={{ initial: { ...EMPTY, name: "", description: "" }, options }}
          withName
          submitLabel={t("create")}
          action={(values) => createCustomRoleAction(slug, { ...values, name: values.name ?? "", description: values.description ?? "" })}
          success={t("created")}
        />
      ) : editing ? (
        <PermissionsDialog
          open
          onOpenChange={(o) => !o && close()}
          title={t("editTitle", { name: editing.name })}
          description={t("editDescription")}
          data={{ initial: { ...editing.grant, name: editing.name, description: editing.description }, options }}
          withName
          submitLabel={t("save")}
          action={(values) =>
            updateCustomRoleAction(slug, { ...values, name: values.name ?? "", description: values.description ?? "", customRoleId: editing.id })
          }
          success={t("saved")}
        />
      ) : null}
    </div>
  );
}
