"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { inviteMembersAction } from "@/lib/invitations/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { SelectField, type SelectOption } from "@/components/ui/select";
import { InviteMembersSchema, MAX_INVITES_AT_ONCE, type InviteMembersInput } from "@/lib/invitations/schemas";
import type { InviteResult } from "@/lib/invitations/service";
import { cn } from "@/lib/cn";

const GOOD: ReadonlySet<InviteResult["outcome"]> = new Set(["invited"]);

/** The invite dialog, open; InviteMembersDialog loads it (and its zod schema) on the first click. */
export default function InviteMembersForm({ slug, roles, close }: { slug: string; roles: SelectOption[]; close: () => void }) {
  const t = useTranslations("members.invite");
  const r = useTranslations("permissions");
  const roleOptions = roles.map((option) => ({ ...option, label: r(`roles.${option.value as InviteMembersInput["role"]}`) }));
  const [sent, setSent] = useState<{ results: InviteResult[]; role: InviteMembersInput["role"] } | null>(null);
  const results = sent?.results;
  const inviteForm = useActionForm(InviteMembersSchema, (input) => inviteMembersAction(slug, input), {
    defaultValues: { emails: "", role: roles.at(-1)?.value as InviteMembersInput["role"] },
    success: ({ results }) => {
      const invited = results.filter((r) => r.outcome === "invited").length;
      return invited === 0 ? null : t("sent", { count: invited });
    },
    onSuccess: ({ results }, { role }) => setSent({ results, role }),
    // The next batch likely gets the same role.
    reset: ({ role }) => ({ emails: "", role }),
  });
  const { form } = inviteForm;
  const { errors } = form.formState;

  return (
    <Dialog open onOpenChange={(o) => !o && close()} title={t("title")} description={t("description", { max: MAX_INVITES_AT_ONCE })}>
      <ActionForm form={inviteForm}>
        <TextAreaField label={t("emails")} rows={4} error={errors.emails?.message} {...form.register("emails")} />
        <FormField control={form.control} name="role" render={(field) => <SelectField label={t("role")} options={roleOptions} {...field} />} />
        {results ? (
          <ul aria-label={t("results")} className="divide-y divide-gray-200 rounded-md border border-gray-200 text-sm">
            {results.map((result) => (
              <li key={result.email} className="flex justify-between gap-3 px-3 py-2">
                <span className="truncate">{result.email}</span>
                <span className={cn(GOOD.has(result.outcome) ? "text-green-800" : "text-amber-800")}>{t(`outcomes.${result.outcome}`, { role: r(`roles.${sent!.role}`) })}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <DialogFormButtons onCancel={close} cancelLabel={t("close")}>
          <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
        </DialogFormButtons>
      </ActionForm>
    </Dialog>
  );
}
