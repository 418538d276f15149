"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/invitations/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export function InvitationResponse({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [declined, setDeclined] = useState(false);

  if (declined) return <p role="status" className="text-sm text-gray-800">You declined the invitation to {workspaceName}.</p>;
  return (
    <div className="space-y-4">
      <FormError message={error} />
      <div className="flex gap-2">
        <Button
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await acceptInvitationAction({ token });
              if (!result.ok) return setError(result.error);
              toast.success(`Welcome to ${workspaceName}`);
              router.push(`/${result.data.workspaceSlug}`);
            })
          }
        >
          Accept invitation
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await declineInvitationAction({ token });
              if (!result.ok) return setError(result.error);
              setDeclined(true);
            })
          }
        >
          Decline
        </Button>
      </div>
    </div>
  );
}
