"use client";

import { UserPlus } from "lucide-react";
import { useState } from "react";
import { inviteMembersAction } from "@/lib/invitations/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/select";
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
  const [results, setResults] = useState<InviteResult[] | null>(null);
  const inviteForm = useActionForm(InviteMembersSchema, (input) => inviteMembersAction(slug, input), {
    defaultValues: { emails: "", role: roles.at(-1)?.value as InviteMembersInput["role"] },
    success: ({ results }) => {
      const invited = results.filter((r) => r.outcome === "invited").length;
      return invited === 0 ? null : invited === 1 ? "Invitation sent" : `${invited} invitations sent`;
    },
    onSuccess: ({ results }) => setResults(results),
    // The next batch likely gets the same role.
    reset: ({ role }) => ({ emails: "", role }),
  });
  const { form } = inviteForm;
  const { errors } = form.formState;

  return (
    <Dialog open onOpenChange={(o) => !o && close()} title="Invite members" description={`Up to ${MAX_INVITES_AT_ONCE} addresses, separated by commas or new lines.`}>
      <ActionForm form={inviteForm}>
        <TextAreaField label="Email addresses" rows={4} error={errors.emails?.message} {...form.register("emails")} />
        <FormField control={form.control} name="role" render={(field) => <SelectField label="Role" options={roles} {...field} />} />
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
        <DialogFormButtons onCancel={close} cancelLabel="Close">
          <SubmitButton pendingLabel="Sending…">Send invitations</SubmitButton>
        </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}
