"use client";

import * as RadixSelect from "@radix-ui/react-select";
import { Check, ChevronDown } from "lucide-react";
import { cn } from "@/lib/cn";
import { inputClass } from "./field";
import { useSwappedIn } from "./use-swapped-in";
import type { SelectOption } from "./select-option";

/**
 * The Radix select behind SelectField (./select.tsx), loaded when someone comes near the field; mounted
 * in place of SelectField's plain button, open if that was pressed, focused if that had focus.
 */
export function RadixSelectControl({
  id,
  value,
  onChange,
  options,
  placeholder,
  error,
  name,
  openRequested,
  focus,
}: {
  id: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: SelectOption[];
  placeholder: string;
  error?: string;
  name?: string;
  /** The plain button was pressed: at mount, or while this was mounting. */
  openRequested: boolean;
  focus: boolean;
}) {
  // Opened at once, Radix moves focus into the list itself.
  const { triggerRef, open, setOpen } = useSwappedIn({ openRequested, focus: focus && !openRequested });
  return (
    <RadixSelect.Root value={value} onValueChange={onChange} name={name} open={open} onOpenChange={setOpen}>
      <RadixSelect.Trigger
        ref={triggerRef}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(inputClass, "flex items-center justify-between text-left")}
      >
        <RadixSelect.Value placeholder={placeholder} />
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
  );
}
