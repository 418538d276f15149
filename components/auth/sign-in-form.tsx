"use client";

import Link from "next/link";
import { SignInSchema } from "@/lib/accounts/schemas";
import { signInAction } from "@/lib/accounts/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  // Signing in redirects from the server, so a success has nothing to show here.
  const signInForm = useActionForm(SignInSchema, signInAction, { defaultValues: { email: "", password: "" }, fixed: { callbackUrl }, refresh: false, reset: "saved" });
  const { form } = signInForm;
  const { errors } = form.formState;

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
