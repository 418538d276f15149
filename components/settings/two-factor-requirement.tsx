"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { useAction } from "@/components/forms/use-action";
import { FormError } from "@/components/ui/field";
import { SwitchField } from "@/components/ui/switch";
import { setRequireTwoFactorAction } from "@/lib/workspaces/actions";

/**
 * The workspace's 2FA requirement. Turning it on while some members lack 2FA asks first, since they are
 * turned away at their next click; the server refuses it for someone who has no 2FA themselves.
 */
export function TwoFactorRequirementSwitch({
  slug,
  required,
  membersWithout,
  membersWithoutCapped,
  selfHasTwoFactor,
}: {
  slug: string;
  required: boolean;
  /** Members without 2FA; with `membersWithoutCapped`, the count stopped here and there are more. */
  membersWithout: number;
  membersWithoutCapped: boolean;
  selfHasTwoFactor: boolean;
}) {
  const t = useTranslations("general.twoFactor");
  const [confirming, setConfirming] = useState(false);
  const setRequired = (value: boolean) => setRequireTwoFactorAction(slug, { required: value });
  const success = (_data: unknown, value: boolean) => (value ? t("nowRequired") : t("noLongerRequired"));
  const toggle = useAction(setRequired, { errors: "inline", success });
  return (
    <div className="space-y-2">
      {/* Without 2FA of one's own there is nothing to confirm: the server's refusal says why and links to set-up. */}
      <SwitchField
        label={t("label")}
        description={t("explanation")}
        checked={required}
        onCheckedChange={(value) => (value && selfHasTwoFactor && membersWithout > 0 ? setConfirming(true) : toggle.run(value))}
      />
      {!required && !selfHasTwoFactor ? (
        <p className="text-xs text-gray-700">
          {t.rich("selfFirst", {
            link: (chunks) => (
              <Link className="font-medium underline" href="/account">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      <FormError error={toggle.error} />
      {confirming ? (
        <ConfirmAction
          action={setRequired}
          input={true}
          close={() => setConfirming(false)}
          title={t("confirmTitle")}
          description={membersWithoutCapped ? t("confirmDescriptionCapped", { count: membersWithout }) : t("confirmDescription", { count: membersWithout })}
          confirmLabel={t("confirm")}
          success={success}
        />
      ) : null}
    </div>
  );
}
