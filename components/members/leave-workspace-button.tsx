"use client";

import { LogOut } from "lucide-react";
import { leaveWorkspaceAction } from "@/lib/members/actions";
import { ActionButton } from "@/components/resources/action-button";

export function LeaveWorkspaceButton({ slug, workspaceName }: { slug: string; workspaceName: string }) {
  return (
    <ActionButton
      action={leaveWorkspaceAction}
      slug={slug}
      input={{}}
      success={`You left ${workspaceName}`}
      afterSuccess="/"
      confirm={{ title: `Leave ${workspaceName}?`, description: "You lose access at once; someone has to invite you again to come back.", confirmLabel: "Leave workspace" }}
    >
      <LogOut aria-hidden className="size-4" /> Leave workspace
    </ActionButton>
  );
}
