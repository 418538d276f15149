"use client";

import { Dialog } from "@/components/ui/dialog";
import type { FormSchema } from "@/components/forms/use-action-form";
import { SchemaForm, type SchemaFormProps } from "./schema-form";

/**
 * The form in an open dialog, for a trigger that lives elsewhere (see LazyDialogButton: the trigger ships
 * with the page, this and the schema load on the first click). Mounted only while open, so each opening
 * starts from a fresh form.
 */
export function SchemaFormModal<S extends FormSchema, T>({ title, onClose, ...props }: SchemaFormProps<S, T> & { title: string; onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title}>
      <SchemaForm
        {...props}
        onSuccess={(data, input) => {
          onClose();
          return props.onSuccess?.(data, input);
        }}
      />
    </Dialog>
  );
}
