"use client";

import { Copy, RotateCw, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { copyInviteLinkAction, resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions";
import { Button } from "@/components/ui/button";

export function InvitationActions({
  slug,
  invitation,
  offerCopyLink,
}: {
  slug: string;
  invitation: { id: string; email: string; status: string };
  offerCopyLink: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (task: () => Promise<void>) => startTransition(task);

  return (
    <div className="flex flex-wrap justify-end gap-1">
      {offerCopyLink && invitation.status === "pending" ? (
        <Button
          variant="ghost"
          disabled={pending}
          aria-label={`Copy invite link for ${invitation.email}`}
          onClick={() =>
            run(async () => {
              const result = await copyInviteLinkAction(slug, { invitationId: invitation.id });
              if (!result.ok) return void toast.error(result.error);
              await navigator.clipboard.writeText(result.data.link).catch(() => undefined);
              toast.success("Invite link copied", { description: result.data.link });
            })
          }
        >
          <Copy aria-hidden className="size-4" /> Copy link
        </Button>
      ) : null}
      <Button
        variant="ghost"
        disabled={pending}
        aria-label={`Resend invitation to ${invitation.email}`}
        onClick={() =>
          run(async () => {
            const result = await resendInvitationAction(slug, { invitationId: invitation.id });
            if (!result.ok) toast.error(result.error);
            else if (result.data.emailError) toast.error(`The email failed: ${result.data.emailError}`);
            else toast.success(`Invitation resent to ${invitation.email}`);
            router.refresh();
          })
        }
      >
        <RotateCw aria-hidden className="size-4" /> Resend
      </Button>
      <Button
        variant="ghost"
        className="text-red-700"
        disabled={pending}
        aria-label={`Revoke invitation to ${invitation.email}`}
        onClick={() =>
          run(async () => {
            const result = await revokeInvitationAction(slug, { invitationId: invitation.id });
            if (!result.ok) toast.error(result.error);
            else toast.success(`Invitation to ${invitation.email} revoked`);
            router.refresh();
          })
        }
      >
        <XCircle aria-hidden className="size-4" /> Revoke
      </Button>
    </div>
  );
}
