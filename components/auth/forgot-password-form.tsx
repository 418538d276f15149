"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckInbox } from "@/components/auth/check-inbox";
import { requestPasswordResetAction } from "@/lib/accounts/actions";
import { ForgotPasswordSchema } from "@/lib/accounts/schemas";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const forgotForm = useActionForm(ForgotPasswordSchema, requestPasswordResetAction, {
    defaultValues: { email: "" },
    refresh: false,
    onSuccess: (data) => setSentTo(data.email),
  });
  const { form } = forgotForm;
  const { errors } = form.formState;

  if (sentTo) return <ResetSent email={sentTo} />;
  return (
    <ActionForm form={forgotForm}>
      <p className="text-sm text-gray-800">{t("forgot.intro")}</p>
      <TextField label={t("fields.email")} type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <SubmitButton className="w-full" pendingLabel={t("forgot.pending")}>
        {t("forgot.submit")}
      </SubmitButton>
      <p className="text-center text-sm text-gray-700">
        {t("forgot.remembered")}{" "}
        <Link className="font-medium text-brand-text underline" href="/sign-in">
          {t("signIn.submit")}
        </Link>
      </p>
    </ActionForm>
  );
}

/** The same words for an address with an account and one without: this page must not tell them apart. */
function ResetSent({ email }: { email: string }) {
  const t = useTranslations("auth.forgot");
  return (
    <CheckInbox>
      <p className="text-sm text-gray-800">
        {t.rich("sent", { email, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <p className="text-sm text-gray-700">
        <Link className="font-medium text-brand-text underline" href="/sign-in">
          {t("backToSignIn")}
        </Link>
      </p>
    </CheckInbox>
  );
}
