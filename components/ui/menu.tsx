"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

export const menuItemClass =
  "flex cursor-pointer select-none items-center gap-2 rounded px-2 py-1.5 text-sm text-gray-900 outline-none data-[highlighted]:bg-indigo-50 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-500";

export function MenuContent({ children, align = "end" }: { children: ReactNode; align?: "start" | "end" }) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content align={align} sideOffset={4} className="z-50 min-w-48 rounded-md border border-gray-200 bg-white p-1 shadow-lg">
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

export function MenuItem({ onSelect, children, danger }: { onSelect: () => void; children: ReactNode; danger?: boolean }) {
  return (
    <DropdownMenu.Item onSelect={onSelect} className={cn(menuItemClass, danger && "text-red-700")}>
      {children}
    </DropdownMenu.Item>
  );
}

type DeferredState = "idle" | "armed" | "open";

/**
 * A Radix dropdown menu for long lists (a menu per table row): until someone comes near it (hover,
 * focus, press) it is a plain button with the same name and state, and only then does Radix mount.
 * Fifty mounted Radix menus took a third of the members page's server time (32 -> 48 requests/s at
 * 10 connections without them); the menu itself, its keyboard handling and focus management are
 * Radix's as soon as it matters.
 */
export function DeferredDropdownMenu({
  label,
  triggerClassName,
  trigger,
  modal = true,
  children,
}: {
  label: string;
  triggerClassName?: string;
  trigger: ReactNode;
  modal?: boolean;
  children: ReactNode;
}) {
  const [state, setState] = useState<DeferredState>("idle");
  const triggerRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Mounting Radix replaces the button; if it had focus, the new one takes it before the next paint.
  useLayoutEffect(() => {
    if (state !== "idle" && refocus.current) {
      refocus.current = false;
      triggerRef.current?.focus();
    }
  }, [state]);

  if (state === "idle") {
    const arm = (next: DeferredState, hadFocus: boolean) => {
      refocus.current = hadFocus;
      setState(next);
    };
    return (
      <button
        ref={triggerRef}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        data-state="closed"
        className={triggerClassName}
        onPointerEnter={() => arm("armed", false)}
        onFocus={() => arm("armed", true)}
        onPointerDown={(e) => {
          if (e.button === 0 && !e.ctrlKey) arm("open", true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " " || e.key === "ArrowDown") {
            e.preventDefault();
            arm("open", true);
          }
        }}
      >
        {trigger}
      </button>
    );
  }
  return (
    <DropdownMenu.Root modal={modal} defaultOpen={state === "open"}>
      <DropdownMenu.Trigger ref={triggerRef} aria-label={label} className={triggerClassName}>
        {trigger}
      </DropdownMenu.Trigger>
      {children}
    </DropdownMenu.Root>
  );
}
