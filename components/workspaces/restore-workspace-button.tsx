"use client";

import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { restoreWorkspaceAction } from "@/lib/workspaces/actions";

/** "Restore" on a recently deleted workspace: it comes back into the list above, as it was. */
export function RestoreWorkspaceButton({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const { run, pending } = useAction(restoreWorkspaceAction, { success: `${workspaceName} was restored` });
  return (
    <Button variant="secondary" pending={pending} aria-label={`Restore ${workspaceName}`} onClick={() => run({ workspaceId })}>
      Restore
    </Button>
  );
}
