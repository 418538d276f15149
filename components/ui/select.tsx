"use client";

import { ChevronDown } from "lucide-react";
import { Suspense, useId } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { FieldShell, inputClass } from "./field";
import { useLazySwap } from "./use-lazy-swap";

import type { SelectOption } from "./select-option";
import { lazyNamed } from "./lazy-named";

export type { SelectOption };

interface SelectFieldProps {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: SelectOption[];
  placeholder?: string;
  error?: string;
  name?: string;
}

const loadRadixSelect = () => import("./lazy-select");
/** The keys that open a select (as Radix's trigger does). */
const SELECT_OPEN_KEYS = ["Enter", " ", "ArrowDown", "ArrowUp"] as const;
const RadixSelectControl = lazyNamed(loadRadixSelect, "RadixSelectControl");

/**
 * A select whose Radix code (about 30 KB of compressed JavaScript with its popper and focus handling) is
 * not part of the page's first load: until someone comes near it (pointer, focus, press) it is a plain
 * button showing the chosen option, with the same name and look; then Radix's select takes its place,
 * already open if it was pressed (./lazy-select.tsx). Keyboard and focus are Radix's from then on.
 */
export function SelectField({ label, value, onChange, options, placeholder, error, name }: SelectFieldProps) {
  const t = useTranslations("ui.select");
  const id = useId();
  const { opening, focused, triggerProps } = useLazySwap(loadRadixSelect, SELECT_OPEN_KEYS);
  const shownPlaceholder = placeholder ?? t("placeholder");
  const chosen = options.find((option) => option.value === value);
  const button = (
    <button
      type="button"
      id={id}
      role="combobox"
      aria-expanded={false}
      aria-autocomplete="none"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      data-state="closed"
      data-placeholder={chosen ? undefined : ""}
      className={cn(inputClass, "flex items-center justify-between text-left")}
      {...triggerProps}
    >
      <span style={{ pointerEvents: "none" }}>{chosen ? chosen.label : shownPlaceholder}</span>
      <ChevronDown aria-hidden className="size-4 text-gray-600" />
    </button>
  );
  return (
    <FieldShell id={id} label={label} error={error}>
      {/* A form that posts natively still gets the value while the plain button stands in. */}
      {name && !opening ? <input type="hidden" name={name} value={value ?? ""} /> : null}
      <Suspense fallback={button}>
        {opening ? (
          <RadixSelectControl
            id={id}
            value={value}
            onChange={onChange}
            options={options}
            placeholder={shownPlaceholder}
            error={error}
            name={name}
            openRequested={opening.openRequested}
            focus={focused.current}
          />
        ) : (
          button
        )}
      </Suspense>
    </FieldShell>
  );
}
