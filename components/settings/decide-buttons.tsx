"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { decideQuotaRequestAction } from "@/lib/quotas/actions";
import { Button } from "@/components/ui/button";

export function DecideButtons({ requestId, label }: { requestId: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const decide = (decision: "approve" | "deny") =>
    startTransition(async () => {
      const result = await decideQuotaRequestAction({ requestId, decision });
      if (!result.ok) return void toast.error(result.error);
      toast.success(decision === "approve" ? "Approved; the requester was emailed" : "Denied; the requester was emailed");
      router.refresh();
    });
  return (
    <div className="flex gap-2">
      <Button pending={pending} onClick={() => decide("approve")} aria-label={`Approve ${label}`}>Approve</Button>
      <Button variant="secondary" disabled={pending} onClick={() => decide("deny")} aria-label={`Deny ${label}`}>Deny</Button>
    </div>
  );
}
