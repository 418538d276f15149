"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/accounts/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

export function SignOutButton({ className, callbackUrl, label }: { className?: string; callbackUrl?: string; label?: string }) {
  const t = useTranslations("common");
  // Signing out redirects from the server.
  const { run, pending } = useAction(signOutAction, { refresh: false });
  return (
    <Button variant="ghost" className={className} pending={pending} onClick={() => run({ callbackUrl })}>
      <LogOut aria-hidden className="size-4" />
      {label ?? t("signOut")}
    </Button>
  );
}
