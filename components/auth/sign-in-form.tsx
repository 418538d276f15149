"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { SignInSchema } from "@/lib/accounts/schemas";
import { signInAction } from "@/lib/accounts/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";

export function SignInForm({ callbackUrl, email = "" }: { callbackUrl?: string; email?: string }) {
  const t = useTranslations("auth");
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
      <TextField label={t("fields.email")} type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField
        label={t("fields.password")}
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      {askCode ? (
        <TextField
          label={t("signIn.code")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          hint={t("signIn.codeHint")}
          error={errors.code?.message}
          {...form.register("code")}
        />
      ) : null}
      <SubmitButton className="w-full" pendingLabel={t("signIn.pending")}>
        {t("signIn.submit")}
      </SubmitButton>
      <p className="text-center text-sm text-gray-700">
        {t("signIn.newHere")}{" "}
        <Link className="font-medium text-brand-text underline" href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}>
          {t("signIn.createAccount")}
        </Link>
      </p>
    </ActionForm>
  );
}
