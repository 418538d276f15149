"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { menuItemClass } from "./menu-item-class";
import { useSwappedIn } from "./use-swapped-in";

/**
 * The Radix half of DeferredDropdownMenu, MenuContent and MenuItem (./menu.tsx), loaded when someone
 * comes near a row's menu button: mounted in the plain button's place, open if that was pressed, and
 * focused if that had focus.
 */
// Opened from the keyboard before Radix was there to see the key: the first item takes focus, as Radix gives it.
const FocusFirstItem = createContext(false);

export function RadixDropdownMenu({
  label,
  triggerClassName,
  trigger,
  modal,
  openRequested,
  focus,
  byKeyboard,
  children,
}: {
  label: string;
  triggerClassName?: string;
  trigger: ReactNode;
  modal: boolean;
  /** The plain button was pressed: at mount, or while this was mounting (see useSwappedIn). */
  openRequested: boolean;
  focus: boolean;
  byKeyboard: boolean;
  children: ReactNode;
}) {
  const { triggerRef, open, setOpen } = useSwappedIn({ openRequested, focus });
  return (
    <DropdownMenu.Root modal={modal} open={open} onOpenChange={setOpen}>
      <DropdownMenu.Trigger ref={triggerRef} aria-label={label} className={triggerClassName}>
        {trigger}
      </DropdownMenu.Trigger>
      <FocusFirstItem.Provider value={openRequested && byKeyboard}>{children}</FocusFirstItem.Provider>
    </DropdownMenu.Root>
  );
}

export function RadixMenuContent({ children, align = "end" }: { children: ReactNode; align?: "start" | "end" }) {
  const focusFirstItem = useContext(FocusFirstItem);
  const contentRef = useRef<HTMLDivElement>(null);
  // After Radix has focused the menu itself on opening (its focus scope's effect runs after this child's).
  useEffect(() => {
    if (!focusFirstItem) return;
    const timer = setTimeout(() => contentRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
    return () => clearTimeout(timer);
  }, [focusFirstItem]);
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        ref={contentRef}
        align={align} sideOffset={4} className="z-50 min-w-48 rounded-md border border-gray-200 bg-white p-1 shadow-lg">
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

export function RadixMenuItem({ onSelect, children, danger }: { onSelect: () => void; children: ReactNode; danger?: boolean }) {
  return (
    <DropdownMenu.Item onSelect={onSelect} className={cn(menuItemClass, danger && "text-red-700")}>
      {children}
    </DropdownMenu.Item>
  );
}
