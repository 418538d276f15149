"use client";

import * as RadixSelect from "@radix-ui/react-select";
import { Check, ChevronDown } from "lucide-react";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { FieldShell, inputClass } from "./field";

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: SelectOption[];
  placeholder?: string;
  error?: string;
  name?: string;
}

export function SelectField({ label, value, onChange, options, placeholder, error, name }: SelectFieldProps) {
  const t = useTranslations("ui.select");
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error}>
      <RadixSelect.Root value={value} onValueChange={onChange} name={name}>
        <RadixSelect.Trigger
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={cn(inputClass, "flex items-center justify-between text-left")}
        >
          <RadixSelect.Value placeholder={placeholder ?? t("placeholder")} />
          <RadixSelect.Icon>
            <ChevronDown aria-hidden className="size-4 text-gray-600" />
          </RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content
            position="popper"
            sideOffset={4}
            className="z-50 max-h-[min(20rem,var(--radix-select-content-available-height))] min-w-[var(--radix-select-trigger-width)] overflow-y-auto rounded-md border border-gray-200 bg-white p-1 shadow-lg"
          >
            <RadixSelect.Viewport>
              {options.map((option) => (
                <RadixSelect.Item
                  key={option.value}
                  value={option.value}
                  className="relative flex cursor-pointer select-none items-center rounded px-7 py-1.5 text-sm text-gray-900 outline-none data-[highlighted]:bg-indigo-50"
                >
                  <RadixSelect.ItemIndicator className="absolute left-2">
                    <Check aria-hidden className="size-4" />
                  </RadixSelect.ItemIndicator>
                  <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </FieldShell>
  );
}
