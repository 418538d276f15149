"use client";

import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toaster";
import { copyInviteLinkAction, resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions";
import { ActionButton } from "@/components/resources/action-button";
import { SpriteIcon } from "@/components/ui/icon-sprite";
import { INVITATION_ICONS } from "./invitation-icons";

export function InvitationActions({
  slug,
  invitation,
  offerCopyLink,
}: {
  slug: string;
  invitation: { id: string; email: string; status: string };
  offerCopyLink: boolean;
}) {
  const t = useTranslations("members.invitationActions");
  const input = { invitationId: invitation.id };
  const email = invitation.email;
  return (
    <div className="flex flex-wrap justify-end gap-1">
      {offerCopyLink && invitation.status === "pending" ? (
        <ActionButton
          action={copyInviteLinkAction}
          slug={slug}
          input={input}
          variant="ghost"
          label={t("copyLabel", { email })}
          refresh={false}
          onSuccess={async ({ link }) => {
            await navigator.clipboard.writeText(link).catch(() => undefined);
            toast.success(t("copied"), { description: link });
          }}
        >
          <SpriteIcon id={INVITATION_ICONS.copy} className="size-4" /> {t("copy")}
        </ActionButton>
      ) : null}
      <ActionButton
        action={resendInvitationAction}
        slug={slug}
        input={input}
        variant="ghost"
        label={t("resendLabel", { email })}
        // A fresh link and expiry, queued in the outbox: the row's Email column follows it from there.
        success={t("resent", { email })}
      >
        <SpriteIcon id={INVITATION_ICONS.resend} className="size-4" /> {t("resend")}
      </ActionButton>
      <ActionButton
        action={revokeInvitationAction}
        slug={slug}
        input={input}
        variant="ghost"
        className="text-red-700"
        label={t("revokeLabel", { email })}
        success={t("revoked", { email })}
        confirm={{ title: t("revokeTitle", { email }), description: t("revokeDescription"), confirmLabel: t("revokeConfirm") }}
      >
        <SpriteIcon id={INVITATION_ICONS.revoke} className="size-4" /> {t("revoke")}
      </ActionButton>
    </div>
  );
}
