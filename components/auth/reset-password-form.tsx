"use client";

import { resetPasswordAction } from "@/lib/accounts/actions";
import { PASSWORD_MIN, ResetPasswordSchema } from "@/lib/accounts/schemas";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const resetForm = useActionForm(ResetPasswordSchema, resetPasswordAction, {
    defaultValues: { password: "" },
    fixed: { token },
    success: "Password changed. Sign in with the new one.",
    // Every session of the account has just ended, this browser's included.
    navigate: (data) => `/sign-in?email=${encodeURIComponent(data.email)}`,
  });
  const { form } = resetForm;
  const { errors } = form.formState;

  return (
    <ActionForm form={resetForm}>
      <p className="text-sm text-gray-800">
        Choose a new password for <strong>{email}</strong>. Every browser signed in to the account is signed out.
      </p>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </ActionForm>
  );
}
