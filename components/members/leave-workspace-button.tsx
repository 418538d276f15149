"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { leaveWorkspaceAction } from "@/lib/members/actions";
import { ActionButton } from "@/components/resources/action-button";

export function LeaveWorkspaceButton({ slug, workspaceName }: { slug: string; workspaceName: string }) {
  const t = useTranslations("members.leave");
  return (
    <ActionButton
      action={leaveWorkspaceAction}
      slug={slug}
      input={{}}
      success={t("left", { workspace: workspaceName })}
      afterSuccess="/"
      confirm={{ title: t("title", { workspace: workspaceName }), description: t("description"), confirmLabel: t("button") }}
    >
      <LogOut aria-hidden className="size-4" /> {t("button")}
    </ActionButton>
  );
}
