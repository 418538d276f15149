"use client";

import type { ReactNode } from "react";
import { Controller, type Control, type FieldPathValue, type FieldValues, type Path } from "react-hook-form";

/**
 * A control whose value is not an input's text (a select, a switch, a list of checkboxes) bound to one
 * field of a form: the name is checked against the form's values, and the field's error comes along.
 */
export function FormField<V extends FieldValues, O, N extends Path<V>>({
  control,
  name,
  render,
}: {
  control: Control<V, unknown, O>;
  name: N;
  /** `onChange` takes what the control gives (a select's text); the schema judges it on submit. */
  render: (field: { value: FieldPathValue<V, N>; onChange: (value: unknown) => void; error?: string }) => ReactNode;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => <>{render({ value: field.value, onChange: field.onChange, error: fieldState.error?.message })}</>}
    />
  );
}
