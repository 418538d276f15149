"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { applyActionResult } from "@/lib/forms";
import { ConfirmSlugSchema, type ConfirmSlugInput } from "@/lib/workspaces/schemas";

/**
 * A dangerous workspace-wide step (delete, transfer ownership) confirmed by typing the slug. Render it
 * only while open: its form starts empty each time. The server checks the slug again.
 */
export function ConfirmSlugDialog({
  slug,
  title,
  description,
  confirmLabel,
  close,
  submit,
  done,
}: {
  slug: string;
  title: string;
  description: string;
  confirmLabel: string;
  close: () => void;
  submit: (confirmSlug: string) => Promise<ActionResult<unknown>>;
  done: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ConfirmSlugInput>({ resolver: zodResolver(ConfirmSlugSchema), defaultValues: { confirmSlug: "" } });
  const onSubmit = form.handleSubmit(async ({ confirmSlug }) => {
    if (confirmSlug.trim().toLowerCase() !== slug) return form.setError("confirmSlug", { message: `Type ${slug} to confirm` });
    const result = await submit(confirmSlug);
    if (!result.ok) return setFormError(applyActionResult(result, form.setError, ["confirmSlug"]));
    done();
  });
  return (
    <Dialog open onOpenChange={(open) => !open && close()} title={title} description={description}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={formError} />
        <TextField label={`Type ${slug} to confirm`} autoComplete="off" spellCheck={false} error={form.formState.errors.confirmSlug?.message} {...form.register("confirmSlug")} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>Cancel</Button>
          <Button type="submit" variant="danger" pending={form.formState.isSubmitting}>{confirmLabel}</Button>
        </div>
      </form>
    </Dialog>
  );
}
