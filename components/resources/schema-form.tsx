"use client";

import type { DefaultValues, Path } from "react-hook-form";
import type { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm, type ActionFormOptions, type FormSchema, type SchemaSource } from "@/components/forms/use-action-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { SwitchField } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/errors";

export type FieldSpec<N extends string = string> =
  | { name: N; label: string; kind: "text" | "password" | "number" | "textarea"; hint?: string; placeholder?: string }
  | { name: N; label: string; kind: "select"; options: SelectOption[]; placeholder?: string }
  | { name: N; label: string; kind: "switch"; hint?: string };

export type SchemaFormProps<S extends FormSchema, T> = ActionFormOptions<z.input<S>, T> & {
  /** The schema or, on a page's first load, its loader (see useActionForm). */
  schema: SchemaSource<S>;
  /** The fields shown, in order; each must be a field of the schema. */
  fields: FieldSpec<Path<z.input<S>>>[];
  action: (input: z.input<S>) => Promise<ActionResult<T>>;
  submitLabel: string;
};

/**
 * A form from a field list and the zod schema the server action parses too: client and server
 * refuse the same input with the same words, shown on the field.
 */
export function SchemaForm<S extends FormSchema, T>({ schema, fields, action, submitLabel, defaultValues, ...options }: SchemaFormProps<S, T>) {
  // Every listed field is one the user edits, so a server error on it belongs on it even when it starts empty.
  const everyField = Object.fromEntries(fields.map((field) => [field.name, undefined]));
  const actionForm = useActionForm(schema, action, { ...options, defaultValues: { ...everyField, ...defaultValues } as DefaultValues<z.input<S>> });
  const { form } = actionForm;
  const errorOf = (name: Path<z.input<S>>) => form.getFieldState(name, form.formState).error?.message;

  return (
    <ActionForm form={actionForm}>
      {fields.map((field) => {
        if (field.kind === "select") {
          return <FormField key={field.name} control={form.control} name={field.name} render={(f) => <SelectField label={field.label} options={field.options} placeholder={field.placeholder} {...f} value={f.value as string | undefined} />} />;
        }
        if (field.kind === "switch") {
          return <FormField key={field.name} control={form.control} name={field.name} render={(f) => <SwitchField label={field.label} description={field.hint} checked={Boolean(f.value)} onCheckedChange={f.onChange} />} />;
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
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </ActionForm>
  );
}
