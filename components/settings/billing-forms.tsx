"use client";

import { useState } from "react";
import { changePlanAction, topUpAction } from "@/lib/billing/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/resources/action-button";
import { TextField } from "@/components/ui/field";
import { TopUpSchema, type TopUpInput } from "@/lib/billing/schemas";
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

export function ChangePlanButton({ slug, plan, label, upgrade }: { slug: string; plan: Plan; label: string; upgrade: boolean }) {
  return (
    <ActionButton
      action={changePlanAction}
      slug={slug}
      input={{ plan }}
      variant={upgrade ? "primary" : "secondary"}
      label={`Switch to ${label}`}
      success={`Now on ${label}`}
    >
      {upgrade ? "Upgrade" : "Downgrade"}
    </ActionButton>
  );
}
