"use client";

import type { ReactNode } from "react";
import { FormProvider, useFormState, type FieldValues } from "react-hook-form";
import { Button, type ButtonProps } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionFormState } from "./use-action-form";

/** The `<form>` of a `useActionForm`: the refusal that belongs to no field shows above its fields. */
export function ActionForm<I extends FieldValues, O>({
  form: { form, onSubmit, formError },
  className = "space-y-4",
  children,
}: {
  form: ActionFormState<I, O>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <FormProvider {...form}>
      {/* POST even before React has hydrated: a form submitted that early must never put a password or a
          secret into the URL (and so into history, logs and Referer) as a GET would. */}
      <form method="post" onSubmit={onSubmit} noValidate className={className}>
        <FormError error={formError} />
        {children}
      </form>
    </FormProvider>
  );
}

/** The submit button of the `ActionForm` around it: busy while the action runs. */
export function SubmitButton({ pendingLabel, children, ...props }: Omit<ButtonProps, "type" | "pending"> & { pendingLabel?: ReactNode }) {
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" pending={isSubmitting} {...props}>
      {isSubmitting && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
