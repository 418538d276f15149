"use client";

import { Copy, RotateCw, XCircle } from "lucide-react";
import { toast } from "sonner";
import { copyInviteLinkAction, resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions";
import { ActionButton } from "@/components/resources/action-button";

export function InvitationActions({
  slug,
  invitation,
  offerCopyLink,
}: {
  slug: string;
  invitation: { id: string; email: string; status: string };
  offerCopyLink: boolean;
}) {
  const input = { invitationId: invitation.id };
  return (
    <div className="flex flex-wrap justify-end gap-1">
      {offerCopyLink && invitation.status === "pending" ? (
        <ActionButton
          action={copyInviteLinkAction}
          slug={slug}
          input={input}
          variant="ghost"
          label={`Copy invite link for ${invitation.email}`}
          refresh={false}
          onSuccess={async ({ link }) => {
            await navigator.clipboard.writeText(link).catch(() => undefined);
            toast.success("Invite link copied", { description: link });
          }}
        >
          <Copy aria-hidden className="size-4" /> Copy link
        </ActionButton>
      ) : null}
      <ActionButton
        action={resendInvitationAction}
        slug={slug}
        input={input}
        variant="ghost"
        label={`Send the invitation to ${invitation.email} again`}
        // A fresh link and expiry, queued in the outbox: the row's Email column follows it from there.
        success={`Sending the invitation to ${invitation.email} again`}
      >
        <RotateCw aria-hidden className="size-4" /> Send again
      </ActionButton>
      <ActionButton
        action={revokeInvitationAction}
        slug={slug}
        input={input}
        variant="ghost"
        className="text-red-700"
        label={`Revoke invitation to ${invitation.email}`}
        success={`Invitation to ${invitation.email} revoked`}
        confirm={{ title: `Revoke the invitation to ${invitation.email}?`, description: "Its link stops working at once; you can invite them again later.", confirmLabel: "Revoke invitation" }}
      >
        <XCircle aria-hidden className="size-4" /> Revoke
      </ActionButton>
    </div>
  );
}
