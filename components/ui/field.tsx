import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { translateMessage } from "@/lib/i18n/message-key";

export const inputClass =
  "block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm placeholder:text-gray-500 focus:border-brand aria-[invalid=true]:border-red-600";

interface FieldShellProps {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}

/** Label, control, hint and error wired together so screen readers announce the error with the field. */
export function FieldShell({ id, label, error, hint, children }: FieldShellProps) {
  // Schemas and refusals may carry a catalog key instead of words (lib/i18n/message-key.ts).
  const t = useTranslations();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {translateMessage(t, error)}
        </p>
      ) : null}
    </div>
  );
}

/** The ids that tie a control to its label, hint and error, so a screen reader reads them together. */
function useFieldIds(id: string | undefined, error: string | undefined, hint: ReactNode) {
  const generated = useId();
  const fieldId = id ?? generated;
  const describedBy = error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined;
  return { fieldId, a11y: { id: fieldId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } };
}

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, hint, id, className, ...props },
  ref,
) {
  const { fieldId, a11y } = useFieldIds(id, error, hint);
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <input ref={ref} {...a11y} className={cn(inputClass, className)} {...props} />
    </FieldShell>
  );
});

/** A refusal that belongs to no one field, with the link to where it can be resolved. */
export function FormError({ error }: { error?: { message: string; help?: { label: string; href: string } } | null }) {
  const t = useTranslations();
  if (!error) return null;
  const { message, help } = error;
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {translateMessage(t, message)}
      {help ? (
        <>
          {" "}
          <a className="font-medium underline" href={help.href}>
            {translateMessage(t, help.label)}
          </a>
        </>
      ) : null}
    </p>
  );
}

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(function TextAreaField(
  { label, error, hint, id, className, ...props },
  ref,
) {
  const { fieldId, a11y } = useFieldIds(id, error, hint);
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <textarea ref={ref} {...a11y} className={cn(inputClass, "min-h-24", className)} {...props} />
    </FieldShell>
  );
});
