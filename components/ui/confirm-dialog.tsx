"use client";

import type { ComponentProps, ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogFormButtons } from "./dialog";
import { FormError } from "./field";

/**
 * Asks before a step that cannot be taken back. Render it only while open. Its body is a form, so
 * Enter in a field (the typed slug) confirms like the button does; a refusal shows inside it, where
 * the person who asked is looking, and the dialog stays open.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  onConfirm,
  onCancel,
  pending,
  error,
  children,
}: {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** Cancel, Escape and the close button. */
  onCancel: () => void;
  pending: boolean;
  error?: ComponentProps<typeof FormError>["error"];
  /** What the person must fill in to confirm, if anything. */
  children?: ReactNode;
}) {
  return (
    <Dialog open onOpenChange={(open) => !open && onCancel()} title={title} description={description}>
      <form
        method="post"
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <FormError error={error} />
        {children}
        <DialogFormButtons onCancel={onCancel}>
          <Button type="submit" variant="danger" pending={pending}>
            {confirmLabel}
          </Button>
        </DialogFormButtons>
      </form>
    </Dialog>
  );
}
