"use client";

import { Suspense, useState, type ReactNode } from "react";
import type { ConfirmText } from "@/components/forms/confirm-action";
import { LazyConfirmAction } from "@/components/forms/lazy-confirm-action";
import { useAction, type Outcome } from "@/components/forms/use-action";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type ActionButtonProps<I, T> = Pick<Outcome<I, T>, "success" | "onSuccess" | "refresh"> & {
  input: I;
  children: ReactNode;
  variant?: ButtonVariant;
  className?: string;
  confirm?: ConfirmText;
  /** Where to go once it is done (the thing it deleted had a page of its own). */
  afterSuccess?: string;
  label?: string;
};

/**
 * One button, one workspace action. Without `confirm` it runs at once and a refusal is a toast; with
 * `confirm`, a dialog asks first and shows a refusal itself. The server re-checks everything; the page
 * only decides whether to show the button.
 */
export function ActionButton<I, T>({
  action,
  slug,
  ...props
}: ActionButtonProps<I, T> & { action: (slug: string, input: I) => Promise<ActionResult<T>>; slug: string }) {
  return <BoundActionButton action={(sent: I) => action(slug, sent)} {...props} />;
}

/** The same button for an action outside any workspace (the account's own sessions, say). */
export function BoundActionButton<I, T>({
  action,
  input,
  children,
  success,
  onSuccess,
  refresh,
  variant = "secondary",
  className,
  confirm,
  afterSuccess,
  label,
}: ActionButtonProps<I, T> & { action: (input: I) => Promise<ActionResult<T>> }) {
  const [confirming, setConfirming] = useState(false);
  const outcome = { success, onSuccess, refresh, navigate: afterSuccess };
  const { run, pending } = useAction(action, outcome);
  return (
    <>
      <Button variant={variant} className={className} pending={pending} aria-label={label} onClick={confirm ? () => setConfirming(true) : () => run(input)}>
        {children}
      </Button>
      {confirm && confirming ? (
        <Suspense fallback={null}>
          <LazyConfirmAction action={action} input={input} close={() => setConfirming(false)} {...confirm} {...outcome} />
        </Suspense>
      ) : null}
    </>
  );
}
