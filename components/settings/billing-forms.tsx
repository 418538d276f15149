"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { cancelScheduledChangeAction, changePlanAction, topUpAction, updateBillingDetailsAction } from "@/lib/billing/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/resources/action-button";
import { SchemaForm } from "@/components/resources/schema-form";
import { TextField } from "@/components/ui/field";
import type { BillingDetailsSchema, TopUpInput, TopUpSchema } from "@/lib/billing/schemas";
import type { Plan } from "@/generated/prisma/enums";

// zod and the schemas load after the page (components/forms/use-action-form.ts).
const schemas = () => import("@/lib/billing/schemas");
const loadTopUpSchema = (): Promise<typeof TopUpSchema> => schemas().then((m) => m.TopUpSchema);
const loadBillingDetailsSchema = (): Promise<typeof BillingDetailsSchema> => schemas().then((m) => m.BillingDetailsSchema);

export function TopUpForm({ slug, testMoney }: { slug: string; testMoney: boolean }) {
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
      onSuccess: () => setIdempotencyKey(crypto.randomUUID()),
      // Stripe's checkout page, when the provider is Stripe; the demo provider has credited already.
      navigate: ({ redirectUrl }) => redirectUrl,
    },
  );
  return (
    <ActionForm form={topUpForm} className="space-y-3">
      <TextField label={t("amount")} inputMode="decimal" placeholder="25.00" error={topUpForm.form.formState.errors.amount?.message} {...topUpForm.form.register("amount")} />
      <p className="text-xs text-gray-600">{testMoney ? t("demoProvider") : t("stripe")}</p>
      <SubmitButton>{t("topUp")}</SubmitButton>
    </ActionForm>
  );
}

/**
 * Upgrade or schedule a downgrade, after a dialog that says what it costs now (the page computes the
 * prorated amount with the same function the action charges by) or when it takes effect.
 */
export function ChangePlanButton({
  slug,
  plan,
  label,
  upgrade,
  confirm,
  success,
}: {
  slug: string;
  plan: Plan;
  label: string;
  upgrade: boolean;
  confirm: { title: string; description: string; confirmLabel: string };
  success: string;
}) {
  const t = useTranslations("billing.forms");
  return (
    <ActionButton
      action={changePlanAction}
      slug={slug}
      input={{ plan }}
      variant={upgrade ? "primary" : "secondary"}
      label={t("switchTo", { plan: label })}
      confirm={confirm}
      success={success}
    >
      {upgrade ? t("upgrade") : t("downgrade")}
    </ActionButton>
  );
}

/** Drops a scheduled downgrade: the current plan renews as before. */
export function KeepPlanButton({ slug, label }: { slug: string; label: string }) {
  const t = useTranslations("billing.forms");
  return (
    <ActionButton action={cancelScheduledChangeAction} slug={slug} input={{}} success={t("stays", { plan: label })}>
      {t("keep", { plan: label })}
    </ActionButton>
  );
}

/** The legal name, address and VAT id printed on the invoices issued from now on. */
export function BillingDetailsForm({ slug, legalName, address, vatId }: { slug: string; legalName: string; address: string; vatId: string }) {
  const t = useTranslations("billing.forms");
  return (
    <SchemaForm
      schema={loadBillingDetailsSchema}
      fields={[
        { name: "legalName", label: t("legalName"), kind: "text" },
        { name: "address", label: t("address"), kind: "textarea" },
        { name: "vatId", label: t("vatId"), kind: "text", hint: t("vatHint") },
      ]}
      defaultValues={{ legalName, address, vatId }}
      action={(input) => updateBillingDetailsAction(slug, input)}
      reset="saved"
      submitLabel={t("saveDetails")}
      success={t("detailsSaved")}
    />
  );
}
