"use client";

import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { PASSWORD_MIN, ResetPasswordSchema } from "@/lib/accounts/schemas";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth");
  const resetForm = useActionForm(ResetPasswordSchema, resetPasswordAction, {
    defaultValues: { password: "" },
    fixed: { token },
    success: t("reset.done"),
    // Every session of the account has just ended, this browser's included.
    navigate: (data) => `/sign-in?email=${encodeURIComponent(data.email)}`,
  });
  const { form } = resetForm;
  const { errors } = form.formState;

  return (
    <ActionForm form={resetForm}>
      <p className="text-sm text-gray-800">
        {t.rich("reset.intro", { email, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <TextField
        label={t("fields.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("fields.passwordHint", { min: PASSWORD_MIN })}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SubmitButton className="w-full" pendingLabel={t("reset.pending")}>
        {t("reset.submit")}
      </SubmitButton>
    </ActionForm>
  );
}
