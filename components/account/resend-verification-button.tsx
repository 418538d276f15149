"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/lib/accounts/actions";

export function ResendVerificationButton() {
  const t = useTranslations("account.verifyBanner");
  const { run, pending } = useAction(resendVerificationAction, {
    refresh: false,
    // The link is queued with its token; the outbox sends it, retrying if the mail service is down.
    success: (data) => t("sent", { email: data.email }),
  });
  return (
    <Button variant="secondary" pending={pending} onClick={() => run({})}>
      {t("sendAgain")}
    </Button>
  );
}
