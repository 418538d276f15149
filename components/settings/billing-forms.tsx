"use client";

import { useState } from "react";
import { cancelScheduledChangeAction, changePlanAction, topUpAction, updateBillingDetailsAction } from "@/lib/billing/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/resources/action-button";
import { SchemaForm } from "@/components/resources/schema-form";
import { TextField } from "@/components/ui/field";
import { BillingDetailsSchema, TopUpSchema, type TopUpInput } from "@/lib/billing/schemas";
import type { Plan } from "@/generated/prisma/enums";

export function TopUpForm({ slug, testMoney }: { slug: string; testMoney: boolean }) {
  // One key per intended top-up: a double click or a retried request reuses it and charges once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const topUpForm = useActionForm(
    TopUpSchema,
    async (input: TopUpInput) => {
      const result = await topUpAction(slug, input);
      // A declined payment is a completed request, but for the person paying it is a refusal to read.
      if (result.ok && result.data.status === "FAILED") return { ok: false, code: "CONFLICT", error: result.data.error ?? "The payment failed." } as const;
      return result;
    },
    {
      defaultValues: { amount: "" },
      fixed: { idempotencyKey },
      success: ({ redirectUrl, duplicate }) => (redirectUrl ? null : duplicate ? "Already topped up" : "Balance topped up"),
      onSuccess: () => setIdempotencyKey(crypto.randomUUID()),
      // Stripe's checkout page, when the provider is Stripe; the demo provider has credited already.
      navigate: ({ redirectUrl }) => redirectUrl,
    },
  );
  return (
    <ActionForm form={topUpForm} className="space-y-3">
      <TextField label="Amount (USD)" inputMode="decimal" placeholder="25.00" error={topUpForm.form.formState.errors.amount?.message} {...topUpForm.form.register("amount")} />
      <p className="text-xs text-gray-600">{testMoney ? "Demo provider: credited at once and marked as test money." : "You will pay on Stripe's checkout page."}</p>
      <SubmitButton>Top up</SubmitButton>
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
  return (
    <ActionButton
      action={changePlanAction}
      slug={slug}
      input={{ plan }}
      variant={upgrade ? "primary" : "secondary"}
      label={`Switch to ${label}`}
      confirm={confirm}
      success={success}
    >
      {upgrade ? "Upgrade" : "Downgrade"}
    </ActionButton>
  );
}

/** Drops a scheduled downgrade: the current plan renews as before. */
export function KeepPlanButton({ slug, label }: { slug: string; label: string }) {
  return (
    <ActionButton action={cancelScheduledChangeAction} slug={slug} input={{}} success={`${label} stays`}>
      Keep {label}
    </ActionButton>
  );
}

/** The legal name, address and VAT id printed on the invoices issued from now on. */
export function BillingDetailsForm({ slug, legalName, address, vatId }: { slug: string; legalName: string; address: string; vatId: string }) {
  return (
    <SchemaForm
      schema={BillingDetailsSchema}
      fields={[
        { name: "legalName", label: "Legal name", kind: "text" },
        { name: "address", label: "Billing address", kind: "textarea" },
        { name: "vatId", label: "VAT id (optional)", kind: "text", hint: "With its country prefix, like DE123456789." },
      ]}
      defaultValues={{ legalName, address, vatId }}
      action={(input) => updateBillingDetailsAction(slug, input)}
      reset="saved"
      submitLabel="Save billing details"
      success="Billing details saved"
    />
  );
}
