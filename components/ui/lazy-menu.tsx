"use client";

import { Suspense, type ReactNode } from "react";
import { MENU_OPEN_KEYS, useLazySwap } from "./use-lazy-swap";

/** How the real menu mounts: open if the plain button was pressed, holding focus if it had it. */
export interface MenuOpening {
  /** The plain button was pressed, before or while the menu mounted: open it (useSwappedIn). */
  openRequested: boolean;
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
  const { opening, focused, triggerProps } = useLazySwap(preload, MENU_OPEN_KEYS);
  const button = (
    <button type="button" aria-haspopup="menu" aria-expanded={false} data-state="closed" className={className} {...triggerProps}>
      {trigger}
    </button>
  );
  return <Suspense fallback={button}>{opening ? render({ openRequested: opening.openRequested, focusTrigger: focused.current }) : button}</Suspense>;
}
