"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { topUpAction, updateBillingDetailsAction } from "@/lib/billing/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import type { BillingDetailsSchema, TopUpInput, TopUpSchema } from "@/lib/billing/schemas";

// The billing page's dialogs, loaded on the first pointer-over, focus or click of their buttons
// (./billing-forms): react-hook-form and the forms are not part of the page; zod loads once a form is open.
const schemas = () => import("@/lib/billing/schemas");
const loadTopUpSchema = (): Promise<typeof TopUpSchema> => schemas().then((m) => m.TopUpSchema);
const loadBillingDetailsSchema = (): Promise<typeof BillingDetailsSchema> => schemas().then((m) => m.BillingDetailsSchema);

export function TopUpDialog({ slug, testMoney, close }: { slug: string; testMoney: boolean; close: () => void }) {
  const t = useTranslations("billing.forms");
  // One key per intended top-up: a double click or a retried request reuses it and charges once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const topUpForm = useActionForm(
    loadTopUpSchema,
    async (input: TopUpInput) => {
      const result = await topUpAction(slug, input);
      // A declined payment is a completed request, but for the person paying it is a refusal to read.
      if (result.ok && result.data.status === "FAILED") return { ok: false, code: "CONFLICT", error: result.data.error ?? t("paymentFailed") } as const;
      return result;
    },
    {
      defaultValues: { amount: "" },
      fixed: { idempotencyKey },
      success: ({ redirectUrl, duplicate }) => (redirectUrl ? null : duplicate ? t("alreadyToppedUp") : t("toppedUp")),
      onSuccess: ({ redirectUrl }) => {
        setIdempotencyKey(crypto.randomUUID());
        if (!redirectUrl) close();
      },
      // Stripe's checkout page, when the provider is Stripe; the demo provider has credited already.
      navigate: ({ redirectUrl }) => redirectUrl,
    },
  );
  return (
    <Dialog open onOpenChange={(open) => !open && close()} title={t("topUpTitle")} description={testMoney ? t("demoProvider") : t("stripe")}>
      <ActionForm form={topUpForm}>
        <TextField label={t("amount")} inputMode="decimal" placeholder="25.00" autoFocus error={topUpForm.form.formState.errors.amount?.message} {...topUpForm.form.register("amount")} />
        <DialogFormButtons onCancel={close}>
          <SubmitButton>{t("topUp")}</SubmitButton>
        </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}

/** The legal name, address and VAT id printed on the invoices issued from now on. */
export function BillingDetailsDialog({
  slug,
  details,
  close,
}: {
  slug: string;
  details: { legalName: string; address: string; vatId: string };
  close: () => void;
}) {
  const t = useTranslations("billing.forms");
  const detailsForm = useActionForm(loadBillingDetailsSchema, (input) => updateBillingDetailsAction(slug, input), {
    defaultValues: details,
    success: t("detailsSaved"),
    onSuccess: close,
  });
  const { form } = detailsForm;
  const { errors } = form.formState;
  return (
    <Dialog open onOpenChange={(open) => !open && close()} title={t("detailsTitle")} description={t("detailsNote")}>
      <ActionForm form={detailsForm}>
        <TextField label={t("legalName")} autoComplete="off" error={errors.legalName?.message} {...form.register("legalName")} />
        <TextAreaField label={t("address")} error={errors.address?.message} {...form.register("address")} />
        <TextField label={t("vatId")} autoComplete="off" hint={t("vatHint")} error={errors.vatId?.message} {...form.register("vatId")} />
        <DialogFormButtons onCancel={close}>
          <SubmitButton>{t("saveDetails")}</SubmitButton>
        </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}
