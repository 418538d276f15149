"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { setDefaultWorkspaceAction } from "@/lib/workspaces/actions";
import { Button } from "@/components/ui/button";

export function MakeDefaultButton({ workspaceId, workspaceName, label }: { workspaceId: string; workspaceName: string; label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      pending={pending}
      aria-label={label ? undefined : `Make ${workspaceName} my default workspace`}
      onClick={() =>
        startTransition(async () => {
          const result = await setDefaultWorkspaceAction({ workspaceId });
          if (!result.ok) {
            toast.error(result.error);
            return;
          }
          toast.success(`${workspaceName} is now your default workspace`);
          router.refresh();
        })
      }
    >
      {label ?? "Make default"}
    </Button>
  );
}
