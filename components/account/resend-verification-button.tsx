"use client";

import { toast } from "sonner";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/lib/accounts/actions";

export function ResendVerificationButton() {
  const { run, pending } = useAction(resendVerificationAction, {
    refresh: false,
    // The link is saved before the mail goes out, so a failed send is told, not a refusal.
    success: (data) => (data.emailError ? null : `Sent a new link to ${data.email}`),
    onSuccess: (data) => {
      if (data.emailError) toast.error(`The email could not be sent: ${data.emailError}`);
    },
  });
  return (
    <Button variant="secondary" pending={pending} onClick={() => run({})}>
      Send again
    </Button>
  );
}
