"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/accounts/actions";
import { ChangePasswordSchema, PASSWORD_MIN } from "@/lib/accounts/schemas";

/** Change the password (current one required); every other browser is signed out. */
export function PasswordSection() {
  const changeForm = useActionForm(ChangePasswordSchema, changePasswordAction, {
    defaultValues: { currentPassword: "", newPassword: "" },
    success: (data) =>
      data.sessionsRevoked > 0
        ? `Password changed. ${data.sessionsRevoked === 1 ? "One other browser was" : `${data.sessionsRevoked} other browsers were`} signed out.`
        : "Password changed",
  });
  const { form } = changeForm;
  const { errors } = form.formState;

  return (
    <Card>
      <section aria-labelledby="password-heading" className="space-y-4">
        <h2 id="password-heading" className="font-semibold">
          Password
        </h2>
        <ActionForm form={changeForm}>
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword?.message}
            {...form.register("currentPassword")}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. Every other browser signed in to your account is signed out.`}
            error={errors.newPassword?.message}
            {...form.register("newPassword")}
          />
          <SubmitButton variant="secondary" pendingLabel="Changing…">
            Change password
          </SubmitButton>
        </ActionForm>
      </section>
    </Card>
  );
}
