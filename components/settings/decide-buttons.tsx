"use client";

import { decideQuotaRequestAction } from "@/lib/quotas/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";

export function DecideButtons({ requestId, label }: { requestId: string; label: string }) {
  const { run, pending } = useAction(decideQuotaRequestAction, {
    success: (_, { decision }) => (decision === "approve" ? "Approved; the requester was emailed" : "Denied; the requester was emailed"),
  });
  return (
    <div className="flex gap-2">
      <Button pending={pending} onClick={() => run({ requestId, decision: "approve" })} aria-label={`Approve ${label}`}>Approve</Button>
      <Button variant="secondary" disabled={pending} onClick={() => run({ requestId, decision: "deny" })} aria-label={`Deny ${label}`}>Deny</Button>
    </div>
  );
}
