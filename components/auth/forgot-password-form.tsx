"use client";

import Link from "next/link";
import { useState } from "react";
import { CheckInbox } from "@/components/auth/check-inbox";
import { requestPasswordResetAction } from "@/lib/accounts/actions";
import { ForgotPasswordSchema } from "@/lib/accounts/schemas";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";

export function ForgotPasswordForm() {
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
      <p className="text-sm text-gray-800">Enter the email address of your account and we will send you a link to choose a new password.</p>
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
      <p className="text-center text-sm text-gray-700">
        Remembered it?{" "}
        <Link className="font-medium text-brand-text underline" href="/sign-in">
          Sign in
        </Link>
      </p>
    </ActionForm>
  );
}

/** The same words for an address with an account and one without: this page must not tell them apart. */
function ResetSent({ email }: { email: string }) {
  return (
    <CheckInbox>
      <p className="text-sm text-gray-800">
        If <strong>{email}</strong> belongs to an account, we sent it a link to choose a new password. The link works once, for one hour.
      </p>
      <p className="text-sm text-gray-700">
        <Link className="font-medium text-brand-text underline" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </CheckInbox>
  );
}
