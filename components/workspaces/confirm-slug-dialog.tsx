"use client";

import { useTranslations } from "next-intl";
import type { ConfirmText } from "@/components/forms/confirm-action";
import type { Outcome } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { ConfirmSlugSchema, type ConfirmSlugInput } from "@/lib/workspaces/schemas";

/**
 * A dangerous workspace-wide step (delete, transfer ownership) confirmed by typing the slug. Render it
 * only while open: its form starts empty each time. The server checks the slug again.
 */
export function ConfirmSlugDialog<T>({
  slug,
  close,
  action,
  title,
  description,
  confirmLabel,
  ...outcome
}: ConfirmText &
  Pick<Outcome<ConfirmSlugInput, T>, "success" | "navigate"> & {
    slug: string;
    close: () => void;
    action: (input: ConfirmSlugInput) => Promise<ActionResult<T>>;
  }) {
  const t = useTranslations("workspaces.confirmSlug");
  // The same schema as the action's, and here also the slug itself: a typo is caught before asking.
  const schema = ConfirmSlugSchema.refine((v) => v.confirmSlug.trim().toLowerCase() === slug, { path: ["confirmSlug"], message: messageKey("validation.workspaces.typeSlug", { slug }) });
  const { form, onSubmit, formError } = useActionForm(schema, action, { ...outcome, defaultValues: { confirmSlug: "" }, onSuccess: close });
  return (
    <ConfirmDialog
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      onConfirm={() => void onSubmit()}
      onCancel={close}
      pending={form.formState.isSubmitting}
      error={formError}
    >
      <TextField label={t("label", { slug })} autoComplete="off" spellCheck={false} error={form.formState.errors.confirmSlug?.message} {...form.register("confirmSlug")} />
    </ConfirmDialog>
  );
}
