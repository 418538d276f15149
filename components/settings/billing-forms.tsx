"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { changePlanAction, topUpAction } from "@/lib/billing/actions";
import { ActionButton } from "@/components/resources/action-button";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { applyActionResult } from "@/lib/forms";
import { TopUpSchema, type TopUpInput, type TopUpOutput } from "@/lib/billing/schemas";
import type { Plan } from "@/generated/prisma/enums";

export function TopUpForm({ slug, testMoney }: { slug: string; testMoney: boolean }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  // One key per intended top-up: a double click or a retried request reuses it and charges once.
  const form = useForm<TopUpInput, unknown, TopUpOutput>({
    resolver: zodResolver(TopUpSchema),
    defaultValues: { amount: "", idempotencyKey: crypto.randomUUID() },
  });
  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const values = form.getValues(); // raw text: the action parses it with the same schema
    const result = await topUpAction(slug, values);
    if (!result.ok) return setFormError(applyActionResult(result, form.setError, ["amount"]));
    if (result.data.redirectUrl) {
      window.location.assign(result.data.redirectUrl);
      return;
    }
    if (result.data.status === "FAILED") return setFormError(result.data.error ?? "The payment failed.");
    toast.success(result.data.duplicate ? "Already topped up" : "Balance topped up");
    form.reset({ amount: "", idempotencyKey: crypto.randomUUID() });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formError} />
      <TextField label="Amount (USD)" inputMode="decimal" placeholder="25.00" error={form.formState.errors.amount?.message} {...form.register("amount")} />
      <p className="text-xs text-gray-600">{testMoney ? "Demo provider: credited at once and marked as test money." : "You will pay on Stripe's checkout page."}</p>
      <Button type="submit" pending={form.formState.isSubmitting}>Top up</Button>
    </form>
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
