"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/invitations/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export function InvitationResponse({ token, workspaceName }: { token: string; workspaceName: string }) {
  const t = useTranslations("invitations.response");
  const [declined, setDeclined] = useState(false);
  const accept = useAction(acceptInvitationAction, { errors: "inline", success: t("welcome", { workspace: workspaceName }), navigate: (data) => `/${data.workspaceSlug}` });
  const decline = useAction(declineInvitationAction, { errors: "inline", onSuccess: () => setDeclined(true), refresh: false });
  const error = accept.error ?? decline.error;

  if (declined) return <p role="status" className="text-sm text-gray-800">{t("declined", { workspace: workspaceName })}</p>;
  return (
    <div className="space-y-4">
      <FormError error={error} />
      <div className="flex gap-2">
        <Button pending={accept.pending} disabled={decline.pending} onClick={() => accept.run({ token })}>
          {t("accept")}
        </Button>
        <Button variant="secondary" disabled={accept.pending || decline.pending} onClick={() => decline.run({ token })}>
          {t("decline")}
        </Button>
      </div>
    </div>
  );
}
