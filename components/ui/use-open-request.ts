"use client";

import { useLayoutEffect, useState } from "react";

/**
 * Open state that starts as requested and opens when a request arrives after mount: a press on the plain
 * button can land in a later render than the focus that started loading this code, after Radix has
 * mounted closed, and Radix reads defaultOpen only once.
 */
export function useOpenRequest(openRequested: boolean) {
  const [open, setOpen] = useState(openRequested);
  useLayoutEffect(() => {
    if (openRequested) setOpen(true);
  }, [openRequested]);
  return [open, setOpen] as const;
}
