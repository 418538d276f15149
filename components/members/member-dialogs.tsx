"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { changeMemberRoleAction, removeMemberAction, transferOwnershipAction, updateMemberPermissionsAction } from "@/lib/members/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { PermissionsDialog, type GrantOptions, type PermissionsDialogData } from "@/components/permissions/permissions-dialog";
import { MemberRolesPanel, type MemberRolesData } from "@/components/roles/member-roles-panel";
import type { GrantFields } from "@/lib/teams/schemas";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { ConfirmSlugDialog } from "@/components/workspaces/confirm-slug-dialog";
import { ChangeRoleSchema, type ChangeRoleInput } from "@/lib/members/schemas";
import type { Role } from "@/generated/prisma/enums";

// The row menu's dialogs, loaded when one is first opened (see MemberActions): their forms, schemas and
// Radix Dialog are no part of the members list's first load.

/**
 * Loads the member's grant, custom roles, "why" and the workspace's resources when opened (they used to
 * ride on every row), and again after a role is assigned or removed inside it.
 */
export function MemberPermissionsDialog({ onClose, slug, member }: DialogProps) {
  const t = useTranslations("members.permissions");
  const [data, setData] = useState<(PermissionsDialogData & { roles: MemberRolesData; grantExpiresAt: string | null }) | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    (async () => {
      const response = await fetch(`/${slug}/settings/members/${encodeURIComponent(member.id)}/permissions`, { headers: { accept: "application/json" } });
      const body = (await response.json().catch(() => ({}))) as Partial<MemberRolesData> & { grant?: GrantFields; options?: GrantOptions; grantExpiresAt?: string | null; error?: string };
      if (!current) return;
      if (response.ok && body.grant && body.options && body.roles && body.choices && body.why) {
        setData({ initial: body.grant, options: body.options, grantExpiresAt: body.grantExpiresAt ?? null, roles: { roles: body.roles, choices: body.choices, why: body.why } });
      } else setLoadError(body.error ?? t("loadFailed"));
    })().catch(() => current && setLoadError(t("offline")));
    return () => {
      current = false;
    };
  }, [slug, member.id, version, t]);
  return (
    <PermissionsDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={t("title", { name: member.name })}
      description={t("description")}
      data={data}
      loadError={loadError}
      withExpiry={{ current: data?.grantExpiresAt ?? null }}
      action={(values) => updateMemberPermissionsAction(slug, { ...values, membershipId: member.id })}
      success={t("saved", { name: member.name })}
    >
      {data ? <MemberRolesPanel slug={slug} member={member} data={data.roles} onChanged={() => setVersion((v) => v + 1)} /> : null}
    </PermissionsDialog>
  );
}

interface DialogProps {
  onClose: () => void;
  slug: string;
  member: { id: string; name: string; email: string; role: Role };
}

export function ChangeRoleDialog({ onClose, slug, member, roles }: DialogProps & { roles: SelectOption[] }) {
  const t = useTranslations("members.changeRole");
  const r = useTranslations("permissions");
  const roleOptions = roles.map((option) => ({ ...option, label: r(`roles.${option.value as ChangeRoleInput["role"]}`) }));
  const roleForm = useActionForm(ChangeRoleSchema, (input) => changeMemberRoleAction(slug, input), {
    defaultValues: { role: member.role as ChangeRoleInput["role"] },
    fixed: { membershipId: member.id },
    success: (_, { role }) => t("changed", { name: member.name, role: r(`roles.${role}`) }),
    onSuccess: onClose,
  });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t("title", { name: member.name })}>
      <ActionForm form={roleForm}>
        <FormField control={roleForm.form.control} name="role" render={(field) => <SelectField label={t("role")} options={roleOptions} {...field} />} />
        <DialogFormButtons onCancel={onClose}>
          <SubmitButton>{t("save")}</SubmitButton>
        </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}

export function RemoveMemberDialog({ onClose, slug, member }: DialogProps) {
  const t = useTranslations("members.remove");
  return (
    <ConfirmAction
      title={t("title", { name: member.name })}
      description={t("description", { email: member.email })}
      confirmLabel={t("confirm")}
      action={(input) => removeMemberAction(slug, input)}
      input={{ membershipId: member.id }}
      close={onClose}
      success={t("removed", { name: member.name })}
    />
  );
}

export function TransferOwnershipDialog({ onClose, slug, member }: DialogProps) {
  const t = useTranslations("members.transfer");
  return (
    <ConfirmSlugDialog
      slug={slug}
      title={t("title", { name: member.name })}
      description={t("description")}
      confirmLabel={t("confirm")}
      close={onClose}
      action={(input) => transferOwnershipAction(slug, { ...input, membershipId: member.id })}
      success={t("transferred", { name: member.name })}
    />
  );
}
