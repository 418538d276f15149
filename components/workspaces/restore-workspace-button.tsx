"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { restoreWorkspaceAction } from "@/lib/workspaces/actions";

/** "Restore" on a recently deleted workspace: it comes back into the list above, as it was. */
export function RestoreWorkspaceButton({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const t = useTranslations("workspaces.restore");
  const { run, pending } = useAction(restoreWorkspaceAction, { success: t("done", { name: workspaceName }) });
  return (
    <Button variant="secondary" pending={pending} aria-label={t("label", { name: workspaceName })} onClick={() => run({ workspaceId })}>
      {t("button")}
    </Button>
  );
}
