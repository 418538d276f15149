"use client";

import { useTranslations } from "next-intl";
import { setDefaultWorkspaceAction } from "@/lib/workspaces/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

export function MakeDefaultButton({ workspaceId, workspaceName, label }: { workspaceId: string; workspaceName: string; label?: string }) {
  const t = useTranslations("workspaces.makeDefault");
  const { run, pending } = useAction(setDefaultWorkspaceAction, { success: t("done", { name: workspaceName }) });
  return (
    <Button variant="secondary" pending={pending} aria-label={label ? undefined : t("label", { name: workspaceName })} onClick={() => run({ workspaceId })}>
      {label ?? t("button")}
    </Button>
  );
}
