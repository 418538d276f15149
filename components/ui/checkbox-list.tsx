"use client";

import type { ReactNode } from "react";

/** A set of checkboxes under one legend, choosing a list of values (channels, allowed resources). */
export function CheckboxListField({
  legend,
  legendClassName = "text-sm font-medium text-gray-800",
  items,
  value,
  onChange,
  error,
  empty,
  className = "mt-1 space-y-1",
}: {
  legend: ReactNode;
  legendClassName?: string;
  items: { value: string; label: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  /** Said instead of the list when there is nothing to choose. */
  empty?: string;
  className?: string;
}) {
  return (
    <fieldset>
      <legend className={legendClassName}>{legend}</legend>
      {items.length === 0 && empty ? <p className="mt-1 text-sm text-gray-600">{empty}</p> : null}
      <div className={className}>
        {items.map((item) => (
          <label key={item.value} className="flex items-center gap-2 text-sm text-gray-900">
            <input
              type="checkbox"
              className="size-4 accent-brand"
              checked={value.includes(item.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, item.value] : value.filter((v) => v !== item.value))}
            />
            {item.label}
          </label>
        ))}
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
