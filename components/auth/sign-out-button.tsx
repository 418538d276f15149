"use client";

import { LogOut } from "lucide-react";
import { useTransition } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

export function SignOutButton({ className }: { className?: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="ghost" className={className} pending={pending} onClick={() => startTransition(async () => void (await signOutAction({})))}>
      <LogOut aria-hidden className="size-4" />
      Sign out
    </Button>
  );
}
