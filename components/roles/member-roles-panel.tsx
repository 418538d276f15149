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
import type { AccessLine } from "@/lib/roles/explain";
import { EXPIRY_CHOICES } from "@/lib/roles/expiry";
import { assignMemberRoleAction, unassignMemberRoleAction } from "@/lib/roles/actions";
import { AssignMemberRoleSchema } from "@/lib/roles/schemas";
import { AccessExplanation } from "./access-explanation";

export interface MemberRolesData {
  roles: { id: string; name: string; expiresAt: string | null }[];
  choices: { id: string; name: string }[];
  why: AccessLine[];
}

const SECTION = "text-sm font-semibold text-gray-900";

/** The permissions modal's custom roles (assign with an expiry, remove) and its "Why" view. */
export function MemberRolesPanel({
  slug,
  member,
  data,
  onChanged,
}: {
  slug: string;
  member: { id: string; name: string };
  data: MemberRolesData;
  /** Reloads the modal's data: what the member holds, and why, just changed. */
  onChanged: () => void;
}) {
  const t = useTranslations("roles.member");
  const formatExpiry = useFormatExpiry();
  return (
    <>
      <section aria-labelledby="member-custom-roles" className="space-y-3 border-t border-gray-200 pt-4">
        <h3 id="member-custom-roles" className={SECTION}>{t("heading")}</h3>
        {data.roles.length === 0 ? <p className="text-sm text-gray-700">{t("none")}</p> : null}
        <ul className="space-y-1 text-sm">
          {data.roles.map((role) => (
            <li key={role.id} className="flex items-center justify-between gap-2">
              <span>
                <Badge>{role.name}</Badge>
                {role.expiresAt ? <span className="ml-2 text-gray-600">{formatExpiry(role.expiresAt)}</span> : null}
              </span>
              <ActionButton
                action={unassignMemberRoleAction}
                slug={slug}
                input={{ customRoleId: role.id, membershipId: member.id }}
                variant="ghost"
                label={t("removeLabel", { role: role.name, name: member.name })}
                success={t("removed", { role: role.name, name: member.name })}
                onSuccess={onChanged}
              >
                {t("remove")}
              </ActionButton>
            </li>
          ))}
        </ul>
        {data.choices.length > 0 ? <AssignRoleForm slug={slug} member={member} choices={data.choices} onChanged={onChanged} /> : <p className="text-sm text-gray-700">{t("createHint")}</p>}
      </section>
      <section aria-labelledby="member-why" className="space-y-2 border-t border-gray-200 pt-4">
        <h3 id="member-why" className={SECTION}>{t("why", { name: member.name })}</h3>
        <AccessExplanation lines={data.why} headingLevel={3} />
      </section>
    </>
  );
}

function AssignRoleForm({ slug, member, choices, onChanged }: { slug: string; member: { id: string; name: string }; choices: MemberRolesData["choices"]; onChanged: () => void }) {
  const t = useTranslations("roles.assign");
  const e = useTranslations("permissions.expiry");
  const assignForm = useActionForm(AssignMemberRoleSchema, (input) => assignMemberRoleAction(slug, input), {
    defaultValues: { customRoleId: undefined, expiry: "never", until: "" },
    fixed: { membershipId: member.id },
    success: (_, input) => {
      const role = choices.find((c) => c.id === input.customRoleId)?.name;
      return role ? t("assigned", { name: member.name, role }) : t("assignedUnnamed", { name: member.name });
    },
    onSuccess: onChanged,
  });
  const { form } = assignForm;
  const expiry = form.watch("expiry");
  return (
    <ActionForm form={assignForm} className="space-y-3">
      <FormField
        control={form.control}
        name="customRoleId"
        render={(field) => <SelectField label={t("label")} placeholder={t("choose")} options={choices.map((c) => ({ value: c.id, label: c.name }))} {...field} />}
      />
      <FormField
        control={form.control}
        name="expiry"
        render={(field) => <SelectField label={t("lasts")} options={EXPIRY_CHOICES.map((c) => ({ value: c, label: e(`choices.${c}`) }))} {...field} />}
      />
      {expiry === "date" ? <TextField label={t("lastDay")} type="date" error={form.formState.errors.until?.message} {...form.register("until")} /> : null}
      <div className="flex justify-end">
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
