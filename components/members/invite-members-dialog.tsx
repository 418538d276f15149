"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { inviteMembersAction } from "@/lib/invitations/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextAreaField } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { applyActionResult } from "@/lib/forms";
import { InviteMembersSchema, MAX_INVITES_AT_ONCE, type InviteMembersInput } from "@/lib/invitations/schemas";
import type { InviteResult } from "@/lib/invitations/service";
import { cn } from "@/lib/cn";

const GOOD: ReadonlySet<InviteResult["outcome"]> = new Set(["invited"]);

export function InviteMembersDialog({ slug, roles }: { slug: string; roles: SelectOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <UserPlus aria-hidden className="size-4" />
        Invite members
      </Button>
      {/* Mounted while open only: its form (and its state) starts fresh each time, and the members page
          does not build a form for a closed dialog on every view. */}
      {open ? <InviteMembersForm slug={slug} roles={roles} close={() => setOpen(false)} /> : null}
    </>
  );
}

function InviteMembersForm({ slug, roles, close }: { slug: string; roles: SelectOption[]; close: () => void }) {
  const router = useRouter();
  const [results, setResults] = useState<InviteResult[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<InviteMembersInput>({
    resolver: zodResolver(InviteMembersSchema),
    defaultValues: { emails: "", role: roles.at(-1)?.value as InviteMembersInput["role"] },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await inviteMembersAction(slug, values);
    if (!result.ok) {
      setFormError(applyActionResult(result, form.setError, ["emails", "role"]));
      return;
    }
    setResults(result.data.results);
    const invited = result.data.results.filter((r) => r.outcome === "invited" || r.outcome === "send_failed").length;
    if (invited > 0) toast.success(invited === 1 ? "Invitation sent" : `${invited} invitations sent`);
    form.reset({ emails: "", role: values.role });
    router.refresh();
  });

  return (
    <Dialog open onOpenChange={(o) => !o && close()} title="Invite members" description={`Up to ${MAX_INVITES_AT_ONCE} addresses, separated by commas or new lines.`}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={formError} />
        <TextAreaField label="Email addresses" rows={4} error={errors.emails?.message} {...form.register("emails")} />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <SelectField label="Role" value={field.value} onChange={field.onChange} options={roles} error={errors.role?.message} />
          )}
        />
        {results ? (
          <ul aria-label="Invitation results" className="divide-y divide-gray-200 rounded-md border border-gray-200 text-sm">
            {results.map((r) => (
              <li key={r.email} className="flex justify-between gap-3 px-3 py-2">
                <span className="truncate">{r.email}</span>
                <span className={cn(GOOD.has(r.outcome) ? "text-green-800" : "text-amber-800")}>{r.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <Button type="submit" pending={isSubmitting}>
            {isSubmitting ? "Sending…" : "Send invitations"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
