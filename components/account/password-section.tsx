"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/accounts/actions";
import { ChangePasswordSchema, PASSWORD_MIN } from "@/lib/accounts/schemas";

/** Change the password (current one required); every other browser is signed out. */
export function PasswordSection() {
  const t = useTranslations("account.password");
  const changeForm = useActionForm(ChangePasswordSchema, changePasswordAction, {
    defaultValues: { currentPassword: "", newPassword: "" },
    success: (data) =>
      data.sessionsRevoked > 0 ? t("changedSignedOut", { count: data.sessionsRevoked }) : t("changed"),
  });
  const { form } = changeForm;
  const { errors } = form.formState;

  return (
    <Card>
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="font-semibold">
          {t("heading")}
        </h2>
        <ActionForm form={changeForm}>
          <TextField
            label={t("current")}
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword?.message}
            {...form.register("currentPassword")}
          />
          <TextField
            label={t("new")}
            type="password"
            autoComplete="new-password"
            hint={t("newHint", { min: PASSWORD_MIN })}
            error={errors.newPassword?.message}
            {...form.register("newPassword")}
          />
          <SubmitButton variant="secondary" pendingLabel={t("submitting")}>
            {t("submit")}
          </SubmitButton>
        </ActionForm>
      </section>
    </Card>
  );
}
