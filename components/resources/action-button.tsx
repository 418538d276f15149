"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/errors";

type WorkspaceAction<I> = (slug: string, input: I) => Promise<ActionResult<unknown>>;

/**
 * One button, one server action, with the outcome shown as a toast. With `confirm`, a dialog asks
 * first. The server re-checks everything; the page only decides whether to show the button.
 */
export function ActionButton<I>({
  action,
  slug,
  input,
  children,
  success,
  variant = "secondary",
  confirm,
  afterSuccess,
  label,
}: {
  action: WorkspaceAction<I>;
  slug: string;
  input: I;
  children: ReactNode;
  success: string;
  variant?: ButtonVariant;
  confirm?: { title: string; description: string; confirmLabel: string };
  afterSuccess?: string;
  label?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  const run = () =>
    startTransition(async () => {
      const result = await action(slug, input);
      setOpen(false);
      if (!result.ok) {
        const help = result.help;
        toast.error(result.error, help ? { action: { label: help.label, onClick: () => router.push(help.href) } } : undefined);
        return;
      }
      toast.success(success);
      if (afterSuccess) router.push(afterSuccess);
      else router.refresh();
    });
  return (
    <>
      <Button variant={variant} pending={pending} aria-label={label} onClick={confirm ? () => setOpen(true) : run}>
        {children}
      </Button>
      {confirm ? (
        <Dialog open={open} onOpenChange={setOpen} title={confirm.title} description={confirm.description}>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant="danger" pending={pending} onClick={run}>
              {confirm.confirmLabel}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
