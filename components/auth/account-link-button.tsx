"use client";

import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";

/**
 * The one button on an emailed link's page: the link is used when it is pressed, never when the page
 * loads, so a mail scanner fetching the link uses nothing up. Signed in as the account, the person
 * goes on to `signedInTo`; otherwise to sign-in with the address filled in.
 */
export function AccountLinkButton({
  action,
  token,
  label,
  success,
  signedInTo,
}: {
  action: (input: { token: string }) => Promise<ActionResult<{ email: string; signedIn: boolean }>>;
  token: string;
  label: string;
  success: string;
  signedInTo: string;
}) {
  const { run, pending, error } = useAction(action, {
    errors: "inline",
    success,
    navigate: (data) => (data.signedIn ? signedInTo : `/sign-in?email=${encodeURIComponent(data.email)}`),
  });
  return (
    <div className="space-y-3">
      <FormError error={error} />
      <Button className="w-full" pending={pending} onClick={() => run({ token })}>
        {label}
      </Button>
    </div>
  );
}
