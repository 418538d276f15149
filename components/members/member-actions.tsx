"use client";

import { Crown, KeyRound, Shield, UserMinus } from "lucide-react";
import { useEffect, useState } from "react";
import { changeMemberRoleAction, removeMemberAction, transferOwnershipAction, updateMemberPermissionsAction } from "@/lib/members/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { PermissionsDialog, type GrantOptions, type PermissionsDialogData } from "@/components/permissions/permissions-dialog";
import type { GrantFields } from "@/lib/teams/schemas";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { SpriteIcon } from "@/components/ui/icon-sprite";
import { DeferredDropdownMenu, MenuContent, MenuItem } from "@/components/ui/menu";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { ConfirmSlugDialog } from "@/components/workspaces/confirm-slug-dialog";
import { ChangeRoleSchema, type ChangeRoleInput } from "@/lib/members/schemas";
import type { Role } from "@/generated/prisma/enums";

interface MemberActionsProps {
  slug: string;
  member: { id: string; name: string; email: string; role: Role };
  grantableRoles: SelectOption[];
  canManage: boolean;
  canTransfer: boolean;
  /** Whether the member's grants can be edited (roles below Admin); the modal loads them when it opens. */
  canEditPermissions: boolean;
}

type Open = "role" | "remove" | "transfer" | "permissions" | null;

/** The id of the row menu's icon, drawn once by the table around the rows (see IconSprite). */
export const MEMBER_ACTIONS_ICON = "member-actions-icon";

/** The row menu; the page renders it only for members the caller may act on. */
export function MemberActions({ slug, member, grantableRoles, canManage, canTransfer, canEditPermissions }: MemberActionsProps) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      {/* Not modal: the menu hands focus to a dialog, which is modal itself. */}
      <DeferredDropdownMenu
        modal={false}
        label={`Actions for ${member.name}`}
        triggerClassName="rounded p-1.5 text-gray-700 hover:bg-gray-100"
        trigger={<SpriteIcon id={MEMBER_ACTIONS_ICON} className="size-4" />}
      >
        <MenuContent>
          {canManage ? (
            <>
              <MenuItem onSelect={() => setOpen("role")}>
                <Shield aria-hidden className="size-4" /> Change role…
              </MenuItem>
              {canEditPermissions ? (
                <MenuItem onSelect={() => setOpen("permissions")}>
                  <KeyRound aria-hidden className="size-4" /> Permissions…
                </MenuItem>
              ) : null}
              <MenuItem danger onSelect={() => setOpen("remove")}>
                <UserMinus aria-hidden className="size-4" /> Remove from workspace…
              </MenuItem>
            </>
          ) : null}
          {canTransfer ? (
            <MenuItem onSelect={() => setOpen("transfer")}>
              <Crown aria-hidden className="size-4" /> Transfer ownership…
            </MenuItem>
          ) : null}
        </MenuContent>
      </DeferredDropdownMenu>
      {/* Each dialog exists only while open: fifty rows of closed dialogs and forms were most of the page's render time. */}
      {open === "role" ? <ChangeRoleDialog onClose={close} slug={slug} member={member} roles={grantableRoles} /> : null}
      {open === "remove" ? <RemoveMemberDialog onClose={close} slug={slug} member={member} /> : null}
      {open === "transfer" ? <TransferOwnershipDialog onClose={close} slug={slug} member={member} /> : null}
      {canEditPermissions && open === "permissions" ? <MemberPermissionsDialog onClose={close} slug={slug} member={member} /> : null}
    </>
  );
}

/** Loads the member's grant and the workspace's resources when opened: they used to ride on every row. */
function MemberPermissionsDialog({ onClose, slug, member }: DialogProps) {
  const [data, setData] = useState<PermissionsDialogData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    (async () => {
      const response = await fetch(`/${slug}/settings/members/${encodeURIComponent(member.id)}/permissions`, { headers: { accept: "application/json" } });
      const body = (await response.json().catch(() => ({}))) as { grant?: GrantFields; options?: GrantOptions; error?: string };
      if (!current) return;
      if (response.ok && body.grant && body.options) setData({ initial: body.grant, options: body.options });
      else setLoadError(body.error ?? "Could not load this member's permissions. Try again.");
    })().catch(() => current && setLoadError("Could not load this member's permissions. Check your connection and try again."));
    return () => {
      current = false;
    };
  }, [slug, member.id]);
  return (
    <PermissionsDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Permissions for ${member.name}`}
      description="What this member may do beyond reading, and on which resources. Their teams may add more."
      data={data}
      loadError={loadError}
      action={(values) => updateMemberPermissionsAction(slug, { ...values, membershipId: member.id })}
      success={`Permissions saved for ${member.name}`}
    />
  );
}

interface DialogProps {
  onClose: () => void;
  slug: string;
  member: MemberActionsProps["member"];
}

function ChangeRoleDialog({ onClose, slug, member, roles }: DialogProps & { roles: SelectOption[] }) {
  const roleForm = useActionForm(ChangeRoleSchema, (input) => changeMemberRoleAction(slug, input), {
    defaultValues: { role: member.role as ChangeRoleInput["role"] },
    fixed: { membershipId: member.id },
    success: (_, { role }) => `${member.name} is now ${roles.find((r) => r.value === role)?.label ?? role}`,
    onSuccess: onClose,
  });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Change ${member.name}'s role`}>
      <ActionForm form={roleForm}>
        <FormField control={roleForm.form.control} name="role" render={(field) => <SelectField label="Role" options={roles} {...field} />} />
        <DialogFormButtons onCancel={onClose}>
          <SubmitButton>Save role</SubmitButton>
        </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}

function RemoveMemberDialog({ onClose, slug, member }: DialogProps) {
  return (
    <ConfirmAction
      title={`Remove ${member.name}?`}
      description={`${member.email} loses access to this workspace at once.`}
      confirmLabel="Remove member"
      action={(input) => removeMemberAction(slug, input)}
      input={{ membershipId: member.id }}
      close={onClose}
      success={`${member.name} was removed`}
    />
  );
}

function TransferOwnershipDialog({ onClose, slug, member }: DialogProps) {
  return (
    <ConfirmSlugDialog
      slug={slug}
      title={`Transfer ownership to ${member.name}?`}
      description="They become the Owner and you become an Admin. Only the new owner can undo this."
      confirmLabel="Transfer ownership"
      close={onClose}
      action={(input) => transferOwnershipAction(slug, { ...input, membershipId: member.id })}
      success={`${member.name} now owns this workspace; you are an Admin`}
    />
  );
}
