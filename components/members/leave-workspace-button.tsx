"use client";

import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { leaveWorkspaceAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";

export function LeaveWorkspaceButton({ slug, workspaceName }: { slug: string; workspaceName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const leave = async () => {
    setPending(true);
    const result = await leaveWorkspaceAction(slug, {});
    setPending(false);
    if (!result.ok) return setError(result.error);
    toast.success(`You left ${workspaceName}`);
    router.push("/");
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        <LogOut aria-hidden className="size-4" /> Leave workspace
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={`Leave ${workspaceName}?`} description="You lose access at once; someone has to invite you again to come back.">
        <FormError message={error} />
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="danger" pending={pending} onClick={leave}>Leave workspace</Button>
        </div>
      </Dialog>
    </>
  );
}
