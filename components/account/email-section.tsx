"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge, Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { requestEmailChangeAction } from "@/lib/accounts/actions";
import type { AccountOverview } from "@/lib/accounts/queries";
import { ChangeEmailSchema } from "@/lib/accounts/schemas";

/** Email address: whether it is confirmed, and a change that waits for the new address to confirm. */
export function EmailSection({ account }: { account: AccountOverview }) {
  const t = useTranslations("account.email");
  const [pending, setPending] = useState<{ newEmail: string } | null>(null);
  const changeForm = useActionForm(ChangeEmailSchema, requestEmailChangeAction, {
    defaultValues: { newEmail: "", password: "" },
    refresh: false,
    success: t("sent"),
    onSuccess: (data) => setPending(data),
  });
  const { form } = changeForm;
  const { errors } = form.formState;

  return (
    <Card>
      <section aria-labelledby="email-heading" className="space-y-4">
        <h2 id="email-heading" className="font-semibold">
          {t("heading")}
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm text-gray-800">
          <span data-testid="account-email">{account.email}</span>
          {account.emailVerifiedAt ? (
            <Badge className="bg-green-100 text-green-900">{t("confirmed")}</Badge>
          ) : (
            <Badge className="bg-amber-100 text-amber-900">{t("notConfirmed")}</Badge>
          )}
        </p>
        {pending ? (
          <p role="status" className="rounded-md border border-gray-200 bg-gray-50 px-3 py-2 text-sm text-gray-800">
            {t("pending", { newEmail: pending.newEmail, email: account.email })}
          </p>
        ) : null}
        <ActionForm form={changeForm}>
          <h3 className="text-sm font-medium text-gray-900">{t("changeHeading")}</h3>
          <TextField label={t("newEmail")} type="email" autoComplete="email" error={errors.newEmail?.message} {...form.register("newEmail")} />
          <TextField
            label={t("currentPassword")}
            type="password"
            autoComplete="current-password"
            hint={t("currentPasswordHint")}
            error={errors.password?.message}
            {...form.register("password")}
          />
          <SubmitButton variant="secondary" pendingLabel={t("submitting")}>
            {t("submit")}
          </SubmitButton>
        </ActionForm>
      </section>
    </Card>
  );
}
