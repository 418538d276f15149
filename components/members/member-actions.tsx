"use client";

import { Crown, KeyRound, Shield, UserMinus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Suspense, useState } from "react";
import { SpriteIcon } from "@/components/ui/icon-sprite";
import { DeferredDropdownMenu, MenuContent, MenuItem } from "@/components/ui/menu";
import type { SelectOption } from "@/components/ui/select";
import type { Role } from "@/generated/prisma/enums";
import { lazyNamed } from "@/components/ui/lazy-named";

// Each dialog loads with its first opening: fifty rows of the list need none of their code.
const loadDialogs = () => import("./member-dialogs");
const ChangeRoleDialog = lazyNamed(loadDialogs, "ChangeRoleDialog");
const RemoveMemberDialog = lazyNamed(loadDialogs, "RemoveMemberDialog");
const TransferOwnershipDialog = lazyNamed(loadDialogs, "TransferOwnershipDialog");
const MemberPermissionsDialog = lazyNamed(loadDialogs, "MemberPermissionsDialog");

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
  const t = useTranslations("members.menu");
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      {/* Not modal: the menu hands focus to a dialog, which is modal itself. */}
      <DeferredDropdownMenu
        modal={false}
        label={t("label", { name: member.name })}
        triggerClassName="rounded p-1.5 text-gray-700 hover:bg-gray-100"
        trigger={<SpriteIcon id={MEMBER_ACTIONS_ICON} className="size-4" />}
      >
        <MenuContent>
          {canManage ? (
            <>
              <MenuItem onSelect={() => setOpen("role")}>
                <Shield aria-hidden className="size-4" /> {t("changeRole")}
              </MenuItem>
              {canEditPermissions ? (
                <MenuItem onSelect={() => setOpen("permissions")}>
                  <KeyRound aria-hidden className="size-4" /> {t("permissions")}
                </MenuItem>
              ) : null}
              <MenuItem danger onSelect={() => setOpen("remove")}>
                <UserMinus aria-hidden className="size-4" /> {t("remove")}
              </MenuItem>
            </>
          ) : null}
          {canTransfer ? (
            <MenuItem onSelect={() => setOpen("transfer")}>
              <Crown aria-hidden className="size-4" /> {t("transfer")}
            </MenuItem>
          ) : null}
        </MenuContent>
      </DeferredDropdownMenu>
      {/* Each dialog exists only while open: fifty rows of closed dialogs and forms were most of the page's render time. */}
      <Suspense fallback={null}>
        {open === "role" ? <ChangeRoleDialog onClose={close} slug={slug} member={member} roles={grantableRoles} /> : null}
        {open === "remove" ? <RemoveMemberDialog onClose={close} slug={slug} member={member} /> : null}
        {open === "transfer" ? <TransferOwnershipDialog onClose={close} slug={slug} member={member} /> : null}
        {canEditPermissions && open === "permissions" ? <MemberPermissionsDialog onClose={close} slug={slug} member={member} /> : null}
      </Suspense>
    </>
  );
}
