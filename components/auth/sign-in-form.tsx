"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { SignInSchema } from "@/lib/accounts/schemas";
import { signInAction } from "@/lib/accounts/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";

export function SignInForm({ callbackUrl, email = "" }: { callbackUrl?: string; email?: string }) {
  // Signing in redirects from the server, so a success has nothing to show here.
  const signInForm = useActionForm(SignInSchema, signInAction, {
    defaultValues: { email, password: "", code: "" },
    fixed: { callbackUrl },
    refresh: false,
    reset: "saved",
  });
  const { form } = signInForm;
  const { errors } = form.formState;
  // The server asks for a code (an error on `code`) once the password was right and the account has
  // 2FA on; from then on the field stays, whatever the next answer (a wrong code, too many attempts).
  const [askCode, setAskCode] = useState(false);
  useEffect(() => {
    if (errors.code) setAskCode(true);
  }, [errors.code]);

  return (
    <ActionForm form={signInForm}>
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      {askCode ? (
        <TextField
          label="Authentication code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          error={errors.code?.message}
          {...form.register("code")}
        />
      ) : null}
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
      <p className="text-center text-sm text-gray-700">
        New here?{" "}
        <Link className="font-medium text-brand-text underline" href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}>
          Create an account
        </Link>
      </p>
    </ActionForm>
  );
}
