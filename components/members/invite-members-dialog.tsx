"use client";

import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import type { SelectOption } from "@/components/ui/select";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";

const loadForm = () => import("./invite-members-form");
const InviteMembersForm = lazy(loadForm);

export function InviteMembersDialog({ slug, roles }: { slug: string; roles: SelectOption[] }) {
  const t = useTranslations("members.invite");
  // Mounted while open only: its form (and its state) starts fresh each time, and the members page
  // does not build a form for a closed dialog on every view, nor load its code before it is wanted.
  return (
    <LazyDialogButton preload={loadForm} dialog={(close) => <InviteMembersForm slug={slug} roles={roles} close={close} />}>
      <UserPlus aria-hidden className="size-4" />
      {t("button")}
    </LazyDialogButton>
  );
}
