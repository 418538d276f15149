import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toaster";
import { translateMessage } from "@/lib/i18n/message-key";
import type { ActionResult, RefusalCode, RefusalHelp } from "@/lib/errors";

/** A refusal as the page shows it: the message, where to go about it, and the fields it names. */
export interface ActionError {
  code: RefusalCode;
  message: string;
  help?: RefusalHelp;
  fieldErrors?: Record<string, string>;
}

/** What follows a successful action, the same for a form, a button and a confirm dialog. */
export interface Outcome<I, T> {
  /** The toast; a function may return null for none. */
  success?: string | ((data: T, input: I) => string | null);
  onSuccess?: (data: T, input: I) => void | Promise<void>;
  /** Where to go next (an address on another site loads it); nothing left to show on this page. */
  navigate?: string | ((data: T) => string | undefined);
  /**
   * Without `navigate`, the page's server components render again so they show the change; false when
   * the action changed nothing a page shows (a copied link, an opened session).
   */
  refresh?: boolean;
}

/** Settles an action's result: a refusal comes back to be shown, a success runs its outcome. */
export function useSettle<I, T>(outcome: Outcome<I, T>) {
  const router = useRouter();
  return async (result: ActionResult<T>, input: I): Promise<ActionError | null> => {
    if (!result.ok) return { code: result.code, message: result.error, help: result.help, fieldErrors: result.fieldErrors };
    const message = typeof outcome.success === "function" ? outcome.success(result.data, input) : outcome.success;
    if (message) toast.success(message);
    await outcome.onSuccess?.(result.data, input);
    const next = typeof outcome.navigate === "function" ? outcome.navigate(result.data) : outcome.navigate;
    if (next) router.push(next);
    else if (outcome.refresh !== false) router.refresh();
    return null;
  };
}

/**
 * Runs an action that has no form (a button, a confirm dialog). A refusal is kept in `error` for a
 * caller with a place to show it (`errors: "inline"`); otherwise it is a toast, whose button leads to
 * the refusal's help.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: Outcome<I, T> & { errors?: "toast" | "inline" } = {}) {
  const router = useRouter();
  const t = useTranslations();
  const settle = useSettle(options);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  // An action that takes nothing from the page (`() => …`) runs with `run()`.
  const run = (...[input]: undefined extends I ? [input?: I] : [input: I]) =>
    startTransition(async () => {
      setError(null);
      const refusal = await settle(await action(input as I), input as I);
      if (!refusal || options.errors === "inline") return setError(refusal);
      const help = refusal.help;
      toast.error(translateMessage(t, refusal.message), help ? { action: { label: translateMessage(t, help.label), onClick: () => router.push(help.href) } } : undefined);
    });
  return { run, pending, error };
}
