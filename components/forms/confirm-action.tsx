"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/errors";
import { useAction, type Outcome } from "./use-action";

export interface ConfirmText {
  title: string;
  description: string;
  confirmLabel: string;
}

/**
 * A destructive action behind a confirm dialog. Render it only while open; it closes once the action
 * succeeded, and keeps a refusal on screen until the person cancels or tries again.
 */
export function ConfirmAction<I, T>({
  action,
  input,
  close,
  title,
  description,
  confirmLabel,
  ...outcome
}: ConfirmText &
  Outcome<I, T> & {
    action: (input: I) => Promise<ActionResult<T>>;
    input: I;
    close: () => void;
  }) {
  const { run, pending, error } = useAction(action, {
    ...outcome,
    errors: "inline",
    onSuccess: (data, sent) => {
      close();
      return outcome.onSuccess?.(data, sent);
    },
  });
  return (
    <ConfirmDialog
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      onConfirm={() => run(input)}
      onCancel={close}
      pending={pending}
      error={error}
    />
  );
}
