"use client";

import { Suspense, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

/**
 * A button that opens a dialog whose code is not part of the page: the button ships with the page, the
 * dialog (its form, zod schema, react-hook-form, Radix) is imported on the first pointer-over or focus and
 * mounted on click. `dialog` renders the dialog, mounted only while open; give it a React.lazy component
 * over the same import as `preload`, so both share one request (React.lazy rather than next/dynamic,
 * whose loader code would be part of every page with such a button).
 */
export function LazyDialogButton({
  children,
  dialog,
  preload,
  variant,
  label,
}: {
  children: ReactNode;
  dialog: (close: () => void) => ReactNode;
  preload: () => unknown;
  variant?: ButtonVariant;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} aria-label={label} onPointerEnter={preload} onFocus={preload} onClick={() => setOpen(true)}>
        {children}
      </Button>
      {open ? <Suspense fallback={null}>{dialog(() => setOpen(false))}</Suspense> : null}
    </>
  );
}
