import { useEffect, useState, type BaseSyntheticEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { useSettle, type ActionError, type Outcome } from "./use-action";

/** A schema whose input is a form's values: the one the action parses. */
export type FormSchema = z.ZodType<unknown, FieldValues>;

/**
 * The schema, or a loader of it: `() => import("@/lib/x/schemas").then((m) => m.SomeSchema)`, with the
 * schema itself imported as a type only. zod is about 45 KB of compressed JavaScript; a form on a page's
 * first load takes the loader, so zod arrives after the page, before anyone can submit.
 */
export type SchemaSource<S extends FormSchema> = S | (() => Promise<S>);

export interface ActionFormOptions<I extends FieldValues, T> extends Outcome<I, T> {
  /**
   * Every field the user edits, with its starting value (undefined for one that starts empty). A server
   * error on a field named here shows on that field; any other is the form's to show.
   */
  defaultValues: DefaultValues<I>;
  /** Values the user does not edit (ids, keys), sent with the fields; read afresh at each submit. */
  fixed?: Partial<I>;
  /**
   * The fields after a success: the defaults again (a form that adds things, the default), the values
   * just saved (a form that edits one thing), or values of your own.
   */
  reset?: "defaults" | "saved" | ((saved: I, data: T) => DefaultValues<I>);
}

export interface ActionFormState<I extends FieldValues, O = I> {
  form: UseFormReturn<I, unknown, O>;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** The refusal that belongs to no field, with its help link. */
  formError: ActionError | null;
}

/**
 * A react-hook-form form that validates with the zod schema its action parses and submits to that
 * action: the action's input is typed `z.input` of the same schema, so a form and an action that
 * disagree fail the type check. Field errors from the server land on their fields, the rest on the
 * form; a success toasts, refreshes (or navigates), resets the fields and calls `onSuccess`.
 */
export function useActionForm<S extends FormSchema, T>(
  schema: SchemaSource<S>,
  action: (input: z.input<S>) => Promise<ActionResult<T>>,
  options: ActionFormOptions<z.input<S>, T>,
): ActionFormState<z.input<S>, z.output<S>> {
  type I = z.input<S>;
  // Made once per form: the resolver keeps the schema it first loaded, as zodResolver(schema) did.
  const [validation] = useState(() => lazyResolver<I, z.output<S>>(schema));
  // Loaded as soon as the form is on screen, so validating the first submit waits for nothing.
  useEffect(() => void validation.load().catch(() => undefined), [validation]);
  const form = useForm<I, unknown, z.output<S>>({
    resolver: validation.resolver,
    defaultValues: { ...options.defaultValues, ...options.fixed } as DefaultValues<I>,
  });
  const [formError, setFormError] = useState<ActionError | null>(null);
  const settle = useSettle(options);

  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    // The action parses the raw values with the same schema; the parsed output the client just made
    // would hand it transformed values (a list where it expects text) and be refused.
    const saved = { ...form.getValues(), ...options.fixed } as I;
    const result = await action(saved);
    const refusal = await settle(result, saved);
    if (refusal) return setFormError(placeFieldErrors(form, refusal, Object.keys(options.defaultValues)));
    if (!result.ok) return;
    const reset = options.reset ?? "defaults";
    const next = reset === "defaults" ? options.defaultValues : reset === "saved" ? (saved as DefaultValues<I>) : reset(saved, result.data);
    form.reset({ ...next, ...options.fixed } as DefaultValues<I>);
  });
  return { form, onSubmit, formError };
}

/**
 * zodResolver over the schema, both imported on first use (the resolver pulls in zod's parser). A
 * failed load (the network) is tried again at the next validation rather than remembered.
 */
function lazyResolver<I extends FieldValues, O>(schema: SchemaSource<FormSchema>) {
  let loading: Promise<Resolver<I, unknown, O>> | undefined;
  const load = () =>
    (loading ??= Promise.all([typeof schema === "function" ? schema() : schema, import("@hookform/resolvers/zod")])
      .then(([loaded, { zodResolver }]) => zodResolver(loaded) as unknown as Resolver<I, unknown, O>)
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
  const resolver: Resolver<I, unknown, O> = async (values, context, options) => (await load())(values, context, options);
  return { load, resolver };
}

/**
 * Puts a refusal's field errors on the fields the user edits and returns what is left for the form.
 * The server parses with the same schema as the client, so these appear only when the client was
 * bypassed or the database said no (a taken slug).
 */
function placeFieldErrors<I extends FieldValues>(form: UseFormReturn<I, unknown, unknown>, refusal: ActionError, fields: string[]): ActionError | null {
  let unplaced = false;
  for (const [field, message] of Object.entries(refusal.fieldErrors ?? {})) {
    if (fields.includes(field)) form.setError(field as Path<I>, { type: "server", message }, { shouldFocus: true });
    else unplaced = true;
  }
  return refusal.fieldErrors && !unplaced && refusal.code === "INVALID" ? null : refusal;
}
