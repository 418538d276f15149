"use client";

import Link from "next/link";
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
      <TextField label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        readOnly={Boolean(invitation)}
        className={invitation ? "bg-gray-100" : undefined}
        hint={invitation ? `The invitation to ${invitation.workspaceName} was sent to this address.` : undefined}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SubmitButton className="w-full" pendingLabel="Creating account…">
        {invitation ? "Create account and join" : "Create account"}
      </SubmitButton>
      <p className="text-center text-sm text-gray-700">
        Already have an account?{" "}
        <Link className="font-medium text-brand-text underline" href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </ActionForm>
  );
}

function SignUpSent({ email }: { email: string }) {
  return (
    <CheckInbox>
      <p className="text-sm text-gray-800">
        We sent an email to <strong>{email}</strong>. Open the link in it to confirm your address; it works for 24 hours. If the
        address already has an account, the email says how to sign in instead.
      </p>
      <p className="text-sm text-gray-700">
        Then{" "}
        <Link className="font-medium text-brand-text underline" href={`/sign-in?email=${encodeURIComponent(email)}`}>
          sign in
        </Link>
        .
      </p>
    </CheckInbox>
  );
}
