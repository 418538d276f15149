"use client";

import { useLayoutEffect, useRef, useState } from "react";

/**
 * The real control (a Radix menu or select) mounted in place of its plain stand-in (useLazySwap): its
 * trigger takes back the focus the stand-in had, before the next paint; `onMount` runs once; and it is open as
 * requested, including a request that arrives after mount: a press can land in a later render than the
 * focus that started loading the code, after Radix has mounted closed, and Radix reads defaultOpen once.
 */
export function useSwappedIn({ openRequested, focus, onMount }: { openRequested: boolean; focus: boolean; onMount?: () => void }) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    // Only focus that fell with the removed stand-in (to the page, or to a dialog holding it) is taken
    // back: a user who tabbed on while the code arrived keeps their place.
    const active = document.activeElement;
    const fell = !active || active === document.body || Boolean(triggerRef.current && active.contains(triggerRef.current));
    if (focus && fell) triggerRef.current?.focus();
    onMount?.();
    // Once, on mount: how the control came to be mounted, not how it is now.
  }, []);
  const [open, setOpen] = useState(openRequested);
  useLayoutEffect(() => {
    if (openRequested) setOpen(true);
  }, [openRequested]);
  return { triggerRef, open, setOpen };
}
