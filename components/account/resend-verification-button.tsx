"use client";

import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/lib/accounts/actions";

export function ResendVerificationButton() {
  const { run, pending } = useAction(resendVerificationAction, {
    refresh: false,
    // The link is queued with its token; the outbox sends it, retrying if the mail service is down.
    success: (data) => `Sent a new link to ${data.email}`,
  });
  return (
    <Button variant="secondary" pending={pending} onClick={() => run({})}>
      Send again
    </Button>
  );
}
