"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, type FieldValues, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextAreaField, TextField } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { SwitchField } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/errors";
import { applyActionResult } from "@/lib/forms";

export type FieldSpec =
  | { name: string; label: string; kind: "text" | "password" | "number" | "textarea"; hint?: string; placeholder?: string }
  | { name: string; label: string; kind: "select"; options: SelectOption[]; placeholder?: string }
  | { name: string; label: string; kind: "switch"; hint?: string };

interface SchemaFormProps<T> {
  schema: z.ZodType;
  fields: FieldSpec[];
  defaults: Record<string, unknown>;
  /** Values the user does not edit (ids), merged into what is sent. */
  fixed?: Record<string, unknown>;
  submit: (values: T) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  success: string;
  onDone?: (result: unknown) => void;
}

/**
 * A form from a field list and the zod schema the server action parses too: client and server
 * refuse the same input with the same words, shown on the field.
 */
export function SchemaForm<T>({ schema, fields, defaults, fixed, submit, submitLabel, success, onDone }: SchemaFormProps<T>) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [help, setHelp] = useState<{ label: string; href: string } | null>(null);
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: { ...defaults, ...fixed },
  });
  // The action parses the raw values with the same schema; sending the client's parsed output instead
  // would hand it transformed values (a list where it expects text) and be refused.
  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await submit({ ...form.getValues(), ...fixed } as T);
    if (!result.ok) {
      setFormError(applyActionResult(result, form.setError, fields.map((f) => f.name)));
      setHelp(result.help ?? null);
      return;
    }
    toast.success(success);
    form.reset({ ...defaults, ...fixed });
    onDone?.(result.data);
    router.refresh();
  });
  const errorOf = (name: string) => form.formState.errors[name]?.message as string | undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} help={help} />
      {fields.map((field) => {
        if (field.kind === "select") {
          return (
            <Controller
              key={field.name}
              control={form.control}
              name={field.name}
              render={({ field: f }) => (
                <SelectField label={field.label} value={f.value as string | undefined} onChange={f.onChange} options={field.options} placeholder={field.placeholder} error={errorOf(field.name)} />
              )}
            />
          );
        }
        if (field.kind === "switch") {
          return (
            <Controller
              key={field.name}
              control={form.control}
              name={field.name}
              render={({ field: f }) => <SwitchField label={field.label} description={field.hint} checked={Boolean(f.value)} onCheckedChange={f.onChange} />}
            />
          );
        }
        if (field.kind === "textarea") {
          return <TextAreaField key={field.name} label={field.label} hint={field.hint} placeholder={field.placeholder} error={errorOf(field.name)} {...form.register(field.name)} />;
        }
        return (
          <TextField
            key={field.name}
            label={field.label}
            type={field.kind}
            hint={field.hint}
            placeholder={field.placeholder}
            autoComplete="off"
            error={errorOf(field.name)}
            {...form.register(field.name)}
          />
        );
      })}
      <div className="flex justify-end">
        <Button type="submit" pending={form.formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** A "New …" button that opens the form in a dialog. */
export function SchemaFormDialog<T>({ title, buttonLabel, ...props }: SchemaFormProps<T> & { title: string; buttonLabel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-4" />
        {buttonLabel}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={title}>
        <SchemaForm {...props} onDone={(data) => { setOpen(false); props.onDone?.(data); }} />
      </Dialog>
    </>
  );
}
