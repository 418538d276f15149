"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { useAction } from "@/components/forms/use-action";
import { FormError } from "@/components/ui/field";
import { SwitchField } from "@/components/ui/switch";
import { setRequireTwoFactorAction } from "@/lib/workspaces/actions";

const EXPLANATION =
  "Members without two-factor authentication are sent to set it up before they can open this workspace; its pages, actions and API refuse them until they do.";

/**
 * The workspace's 2FA requirement. Turning it on while some members lack 2FA asks first, since they are
 * turned away at their next click; the server refuses it for someone who has no 2FA themselves.
 */
export function TwoFactorRequirementSwitch({
  slug,
  required,
  membersWithout,
  selfHasTwoFactor,
}: {
  slug: string;
  required: boolean;
  membersWithout: number;
  selfHasTwoFactor: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const setRequired = (value: boolean) => setRequireTwoFactorAction(slug, { required: value });
  const success = (_data: unknown, value: boolean) => (value ? "Two-factor authentication is now required" : "Two-factor authentication is no longer required");
  const toggle = useAction(setRequired, { errors: "inline", success });
  return (
    <div className="space-y-2">
      {/* Without 2FA of one's own there is nothing to confirm: the server's refusal says why and links to set-up. */}
      <SwitchField
        label="Require two-factor authentication"
        description={EXPLANATION}
        checked={required}
        onCheckedChange={(value) => (value && selfHasTwoFactor && membersWithout > 0 ? setConfirming(true) : toggle.run(value))}
      />
      {!required && !selfHasTwoFactor ? (
        <p className="text-xs text-gray-700">
          To require it, first turn it on for your own account on the{" "}
          <Link className="font-medium underline" href="/account">
            account page
          </Link>
          .
        </p>
      ) : null}
      <FormError error={toggle.error} />
      {confirming ? (
        <ConfirmAction
          action={setRequired}
          input={true}
          close={() => setConfirming(false)}
          title="Require two-factor authentication?"
          description={`${membersWithout} ${membersWithout === 1 ? "member has" : "members have"} no two-factor authentication yet. They will be asked to set it up before they can open this workspace again.`}
          confirmLabel="Require it"
          success={success}
        />
      ) : null}
    </div>
  );
}
