"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFormatExpiry } from "@/components/permissions/expiry-text";
import { ActionButton } from "@/components/resources/action-button";
import { Badge } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { EXPIRY_CHOICES } from "@/lib/roles/expiry";
import { assignTeamRoleAction, unassignTeamRoleAction } from "@/lib/roles/actions";
import { AssignTeamRoleSchema } from "@/lib/roles/schemas";
import { addTeamMemberAction } from "@/lib/teams/actions";
import { AddTeamMemberSchema } from "@/lib/teams/schemas";

/** The expiry choices as select options, in the reader's language. */
function useExpiryOptions() {
  const t = useTranslations("permissions.expiry");
  return EXPIRY_CHOICES.map((c) => ({ value: c, label: t(`choices.${c}`) }));
}

export interface TeamRoleView {
  id: string;
  name: string;
  expiresAt: string | null;
}

/** A team's custom roles: every member holds them while in the team; each may end at a time. */
export function TeamRoles({ slug, team, roles, choices }: { slug: string; team: { id: string; name: string }; roles: TeamRoleView[]; choices: { id: string; name: string }[] }) {
  const t = useTranslations("teams.roles");
  const formatExpiry = useFormatExpiry();
  const expiryOptions = useExpiryOptions();
  const assignForm = useActionForm(AssignTeamRoleSchema, (input) => assignTeamRoleAction(slug, input), {
    defaultValues: { customRoleId: undefined, expiry: "never", until: "" },
    fixed: { teamId: team.id },
    success: (_, input) => {
      const role = choices.find((c) => c.id === input.customRoleId)?.name;
      return role ? t("assigned", { name: team.name, role }) : t("assignedUnnamed", { name: team.name });
    },
  });
  const { form } = assignForm;
  const expiry = form.watch("expiry");
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("label", { name: team.name })}>
        {roles.length === 0 ? <span className="text-gray-600">{t("none")}</span> : null}
        {roles.map((role) => (
          <span key={role.id} className="inline-flex items-center gap-1">
            <Badge>{role.name}</Badge>
            {role.expiresAt ? <span className="text-xs text-gray-600">{formatExpiry(role.expiresAt)}</span> : null}
            <ActionButton
              action={unassignTeamRoleAction}
              slug={slug}
              input={{ customRoleId: role.id, teamId: team.id }}
              variant="ghost"
              label={t("removeLabel", { role: role.name, name: team.name })}
              success={t("removed", { role: role.name, name: team.name })}
            >
              {t("remove")}
            </ActionButton>
          </span>
        ))}
      </p>
      {choices.length > 0 ? (
        <ActionForm form={assignForm} className="grid gap-2 sm:grid-cols-3 sm:items-end">
          <FormField
            control={form.control}
            name="customRoleId"
            render={(field) => <SelectField label={t("assignLabel", { name: team.name })} placeholder={t("choose")} options={choices.map((c) => ({ value: c.id, label: c.name }))} {...field} />}
          />
          <FormField control={form.control} name="expiry" render={(field) => <SelectField label={t("lasts")} options={expiryOptions} {...field} />} />
          {expiry === "date" ? <TextField label={t("lastDay")} type="date" error={form.formState.errors.until?.message} {...form.register("until")} /> : null}
          <div>
            <SubmitButton>{t("assign")}</SubmitButton>
          </div>
        </ActionForm>
      ) : null}
    </div>
  );
}

/** Adds a member to a team, for good or for a while. */
export function AddTeamMemberForm({ slug, team, available }: { slug: string; team: { id: string; name: string }; available: { membershipId: string; name: string }[] }) {
  const t = useTranslations("teams.addMember");
  const expiryOptions = useExpiryOptions();
  const addForm = useActionForm(AddTeamMemberSchema, (input) => addTeamMemberAction(slug, input), {
    defaultValues: { membershipId: undefined, expiry: "never", until: "" },
    fixed: { teamId: team.id },
    success: t("added"),
  });
  const { form } = addForm;
  const expiry = form.watch("expiry");
  return (
    <ActionForm form={addForm} className="grid gap-2 sm:grid-cols-3 sm:items-end">
      <FormField
        control={form.control}
        name="membershipId"
        render={(field) => <SelectField label={t("label", { name: team.name })} placeholder={t("choose")} options={available.map((c) => ({ value: c.membershipId, label: c.name }))} {...field} />}
      />
      <FormField control={form.control} name="expiry" render={(field) => <SelectField label={t("lasts")} options={expiryOptions} value={field.value ?? "never"} onChange={field.onChange} error={field.error} />} />
      {expiry === "date" ? <TextField label={t("lastDay")} type="date" error={form.formState.errors.until?.message} {...form.register("until")} /> : null}
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
