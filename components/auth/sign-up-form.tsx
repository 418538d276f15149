"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { PASSWORD_MIN, SignUpSchema, type SignUpInput } from "@/lib/accounts/schemas";
import { applyActionResult } from "@/lib/forms";
import { signUpAction } from "@/lib/accounts/actions";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

export function SignUpForm({
  callbackUrl,
  invitation,
}: {
  callbackUrl?: string;
  /** Signing up from an invitation: the email is the invited one and cannot be changed. */
  invitation?: { token: string; email: string; workspaceName: string };
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignUpInput>({
    resolver: zodResolver(SignUpSchema),
    defaultValues: { name: "", email: invitation?.email ?? "", password: "", callbackUrl, invitationToken: invitation?.token },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signUpAction(values);
    setFormError(applyActionResult(result, form.setError, ["name", "email", "password"]));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
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
      <Button type="submit" pending={isSubmitting} className="w-full">
        {isSubmitting ? "Creating account…" : invitation ? "Create account and join" : "Create account"}
      </Button>
      <p className="text-center text-sm text-gray-700">
        Already have an account?{" "}
        <Link className="font-medium text-brand-text underline" href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
