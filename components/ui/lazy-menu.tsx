"use client";

import { startTransition, Suspense, useRef, useState, type ReactNode } from "react";

/** How the real menu mounts: open if the plain button was pressed, holding focus if it had it. */
export interface MenuOpening {
  defaultOpen: boolean;
  focusTrigger: boolean;
}

/**
 * A dropdown menu whose code (Radix, its items and the actions they run) is not part of the page's first
 * load: the sidebar's switcher and the profile menu are on every page, and Radix's menu with its
 * popper and focus handling was about 40 KB of compressed JavaScript on each. Until someone comes near
 * it (pointer, focus, press) this is a plain button with the same content and name; then `preload`
 * imports the menu and `render` mounts it (a React.lazy component) in the button's place, already open
 * if the button was pressed. Keyboard and focus behave as Radix's from then on.
 */
export function LazyMenu({
  trigger,
  className,
  preload,
  render,
}: {
  trigger: ReactNode;
  className: string;
  preload: () => unknown;
  render: (opening: MenuOpening) => ReactNode;
}) {
  const [opening, setOpening] = useState<{ defaultOpen: boolean } | null>(null);
  // Whether the plain button holds focus when the menu replaces it (the user may have tabbed on meanwhile).
  const focused = useRef(false);
  const arm = (open: boolean) => {
    preload();
    // A transition: the plain button (and its focus) stays until the menu's code has arrived, and the
    // swap happens in one commit; an update outside one would show the fallback, a new button, losing focus.
    startTransition(() =>
      setOpening((previous) => ({ defaultOpen: open || (previous?.defaultOpen ?? false) })),
    );
  };
  const button = (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      className={className}
      onPointerEnter={() => arm(false)}
      onFocus={() => {
        focused.current = true;
        arm(false);
      }}
      onBlur={() => {
        focused.current = false;
      }}
      onPointerDown={(event) => {
        if (event.button === 0 && !event.ctrlKey) {
          event.preventDefault();
          focused.current = true;
          arm(true);
        }
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
          event.preventDefault();
          arm(true);
        }
      }}
    >
      {trigger}
    </button>
  );
  return <Suspense fallback={button}>{opening ? render({ defaultOpen: opening.defaultOpen, focusTrigger: focused.current }) : button}</Suspense>;
}
