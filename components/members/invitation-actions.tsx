"use client";

import { Copy, RotateCw, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Suspense, useState } from "react";
import { LazyConfirmAction } from "@/components/forms/lazy-confirm-action";
import { useAction } from "@/components/forms/use-action";
import { SpriteIcon } from "@/components/ui/icon-sprite";
import { DeferredDropdownMenu, MenuContent, MenuItem } from "@/components/ui/menu";
import { toast } from "@/components/ui/toaster";
import { copyInviteLinkAction, resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions";
import { INVITATION_ICONS } from "./invitation-icons";

interface InvitationRow {
  id: string;
  email: string;
  status: string;
}

/**
 * A pending invitation's row menu, as the members list has one: a single button on the server and until
 * someone comes near it. Three buttons a row, each with its action's hooks, were a third of the page's
 * rendering time (the page served 0.68× the bare page's requests at 10 connections).
 */
export function InvitationActions({ slug, invitation, offerCopyLink }: { slug: string; invitation: InvitationRow; offerCopyLink: boolean }) {
  const t = useTranslations("members.invitationActions");
  const [revoking, setRevoking] = useState(false);
  const email = invitation.email;
  return (
    <>
      {/* Not modal: the menu hands focus to the confirm dialog, which is modal itself. */}
      <DeferredDropdownMenu
        modal={false}
        label={t("label", { email })}
        triggerClassName="rounded p-1.5 text-gray-700 hover:bg-gray-100"
        trigger={<SpriteIcon id={INVITATION_ICONS.menu} className="size-4" />}
      >
        <InvitationMenu slug={slug} invitation={invitation} offerCopyLink={offerCopyLink} onRevoke={() => setRevoking(true)} />
      </DeferredDropdownMenu>
      {revoking ? (
        <Suspense fallback={null}>
          <LazyConfirmAction
            action={(input: { invitationId: string }) => revokeInvitationAction(slug, input)}
            input={{ invitationId: invitation.id }}
            close={() => setRevoking(false)}
            title={t("revokeTitle", { email })}
            description={t("revokeDescription")}
            confirmLabel={t("revokeConfirm")}
            success={t("revoked", { email })}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/** The open menu's items; mounted only while it is open. An action it started finishes after it closes. */
function InvitationMenu({
  slug,
  invitation,
  offerCopyLink,
  onRevoke,
}: {
  slug: string;
  invitation: InvitationRow;
  offerCopyLink: boolean;
  onRevoke: () => void;
}) {
  const t = useTranslations("members.invitationActions");
  const input = { invitationId: invitation.id };
  const email = invitation.email;
  const copy = useAction((sent: typeof input) => copyInviteLinkAction(slug, sent), {
    refresh: false,
    onSuccess: async ({ link }) => {
      await navigator.clipboard.writeText(link).catch(() => undefined);
      toast.success(t("copied"), { description: link });
    },
  });
  // A fresh link and expiry, queued in the outbox: the row's Email column follows it from there.
  const resend = useAction((sent: typeof input) => resendInvitationAction(slug, sent), { success: t("resent", { email }) });
  return (
    <MenuContent>
      {offerCopyLink && invitation.status === "pending" ? (
        <MenuItem onSelect={() => copy.run(input)}>
          <Copy aria-hidden className="size-4" /> {t("copy")}
        </MenuItem>
      ) : null}
      <MenuItem onSelect={() => resend.run(input)}>
        <RotateCw aria-hidden className="size-4" /> {t("resend")}
      </MenuItem>
      <MenuItem danger onSelect={onRevoke}>
        <XCircle aria-hidden className="size-4" /> {t("revoke")}
      </MenuItem>
    </MenuContent>
  );
}
