"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckInbox } from "@/components/auth/check-inbox";
import { PASSWORD_MIN, SignUpSchema } from "@/lib/accounts/schemas";
import { signUpAction } from "@/lib/accounts/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";

export function SignUpForm({
  callbackUrl,
  invitation,
}: {
  callbackUrl?: string;
  /** Signing up from an invitation: the email is the invited one and cannot be changed. */
  invitation?: { token: string; email: string; workspaceName: string };
}) {
  // From an invitation, signing up signs in and redirects from the server. Otherwise the answer is
  // "check your inbox", whether or not the address already had an account.
  const t = useTranslations("auth");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const signUpForm = useActionForm(SignUpSchema, signUpAction, {
    defaultValues: { name: "", email: invitation?.email ?? "", password: "" },
    fixed: { callbackUrl, invitationToken: invitation?.token },
    refresh: false,
    reset: "saved",
    onSuccess: (data) => setSentTo(data?.email ?? null),
  });
  const { form } = signUpForm;
  const { errors } = form.formState;

  if (sentTo) return <SignUpSent email={sentTo} />;
  return (
    <ActionForm form={signUpForm}>
      <TextField label={t("fields.name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label={t("fields.email")}
        type="email"
        autoComplete="email"
        readOnly={Boolean(invitation)}
        className={invitation ? "bg-gray-100" : undefined}
        hint={invitation ? t("signUp.invitedEmailHint", { workspace: invitation.workspaceName }) : undefined}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        label={t("fields.password")}
        type="password"
        autoComplete="new-password"
        hint={t("fields.passwordHint", { min: PASSWORD_MIN })}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SubmitButton className="w-full" pendingLabel={t("signUp.pending")}>
        {invitation ? t("signUp.submitAndJoin") : t("signUp.submit")}
      </SubmitButton>
      <p className="text-center text-sm text-gray-700">
        {t("signUp.haveAccount")}{" "}
        <Link className="font-medium text-brand-text underline" href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}>
          {t("signIn.submit")}
        </Link>
      </p>
    </ActionForm>
  );
}

function SignUpSent({ email }: { email: string }) {
  const t = useTranslations("auth.signUp");
  return (
    <CheckInbox>
      <p className="text-sm text-gray-800">
        {t.rich("sent", { email, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <p className="text-sm text-gray-700">
        {t.rich("then", {
          link: (chunks) => (
            <Link className="font-medium text-brand-text underline" href={`/sign-in?email=${encodeURIComponent(email)}`}>
              {chunks}
            </Link>
          ),
        })}
      </p>
    </CheckInbox>
  );
}
