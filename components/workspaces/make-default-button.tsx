"use client";

import { setDefaultWorkspaceAction } from "@/lib/workspaces/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

export function MakeDefaultButton({ workspaceId, workspaceName, label }: { workspaceId: string; workspaceName: string; label?: string }) {
  const { run, pending } = useAction(setDefaultWorkspaceAction, { success: `${workspaceName} is now your default workspace` });
  return (
    <Button variant="secondary" pending={pending} aria-label={label ? undefined : `Make ${workspaceName} my default workspace`} onClick={() => run({ workspaceId })}>
      {label ?? "Make default"}
    </Button>
  );
}
