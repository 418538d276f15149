"use client";

import { LogOut } from "lucide-react";
import { useTransition } from "react";
import { signOutAction } from "@/lib/accounts/actions";
import { Button } from "@/components/ui/button";

export function SignOutButton({ className, callbackUrl, label = "Sign out" }: { className?: string; callbackUrl?: string; label?: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="ghost" className={className} pending={pending} onClick={() => startTransition(async () => void (await signOutAction({ callbackUrl })))}>
      <LogOut aria-hidden className="size-4" />
      {label}
    </Button>
  );
}
