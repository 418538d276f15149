"use client";

import { startTransition, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

/** The keys that open a menu button, as Radix's trigger reads them. */
export const MENU_OPEN_KEYS = ["Enter", " ", "ArrowDown"] as const;

/** How the real control mounts: open if the plain button was pressed (by keyboard or not). */
export interface SwapOpening {
  openRequested: boolean;
  byKeyboard: boolean;
}

/**
 * The plain button that stands in for a lazily loaded control (menu, select) until someone comes near it:
 * pointer or focus starts loading the control's code, a press or one of `openKeys` also asks it to mount
 * open. `opening` is null until then; `focused` says whether the plain button holds focus at the swap
 * (the user may have tabbed on meanwhile), so the real control takes focus only if it should.
 */
export function useLazySwap(load: () => unknown, openKeys: readonly string[]) {
  const [opening, setOpening] = useState<SwapOpening | null>(null);
  const focused = useRef(false);
  const arm = (open: boolean, byKeyboard = false) => {
    void load();
    // A transition: the plain button (and its focus) stays until the control's code has arrived, and the
    // swap is one commit; an update outside one would show the fallback, a new button, losing focus.
    startTransition(() =>
      setOpening((previous) => ({
        openRequested: open || (previous?.openRequested ?? false),
        byKeyboard: byKeyboard || (previous?.byKeyboard ?? false),
      })),
    );
  };
  const triggerProps = {
    onPointerEnter: () => arm(false),
    onFocus: () => {
      focused.current = true;
      arm(false);
    },
    onBlur: () => {
      focused.current = false;
    },
    onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
      if (event.button === 0 && !event.ctrlKey) {
        event.preventDefault();
        focused.current = true;
        arm(true);
      }
    },
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (openKeys.includes(event.key)) {
        event.preventDefault();
        arm(true, true);
      }
    },
  };
  return { opening, focused, triggerProps };
}
