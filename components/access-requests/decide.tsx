"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/resources/action-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import {
  approveAccessRequestAction,
  cancelAccessRequestAction,
  denyAccessRequestAction,
  revokeAccessRequestAction,
} from "@/lib/access-requests/actions";
import { ApproveAccessRequestSchema, DenyAccessRequestSchema, EXPIRY_CHOICES } from "@/lib/access-requests/schemas";

interface RequestSummary {
  id: string;
  /** "Restart on instance web-dev for Carol Chen": names the buttons and the dialogs. */
  label: string;
}

/** Approve (for how long, with a note) and deny (with a note), each in a dialog of its own. */
export function DecideAccessRequest({ slug, request }: { slug: string; request: RequestSummary }) {
  const t = useTranslations("accessRequests.decide");
  const [open, setOpen] = useState<"approve" | "deny" | null>(null);
  const close = () => setOpen(null);
  const approveTitle = t("approveTitle", { what: request.label });
  const denyTitle = t("denyTitle", { what: request.label });
  return (
    <div className="flex gap-2">
      <Button onClick={() => setOpen("approve")} aria-label={approveTitle}>
        {t("approve")}
      </Button>
      <Button variant="secondary" onClick={() => setOpen("deny")} aria-label={denyTitle}>
        {t("deny")}
      </Button>
      <Dialog open={open === "approve"} onOpenChange={(o) => setOpen(o ? "approve" : null)} title={approveTitle}>
        <ApproveForm slug={slug} requestId={request.id} close={close} />
      </Dialog>
      <Dialog open={open === "deny"} onOpenChange={(o) => setOpen(o ? "deny" : null)} title={denyTitle}>
        <DenyForm slug={slug} requestId={request.id} close={close} />
      </Dialog>
    </div>
  );
}

function ApproveForm({ slug, requestId, close }: { slug: string; requestId: string; close: () => void }) {
  const t = useTranslations("accessRequests.decide");
  const e = useTranslations("permissions.expiry");
  const actionForm = useActionForm(ApproveAccessRequestSchema, (input) => approveAccessRequestAction(slug, input), {
    defaultValues: { expiry: "24h", until: "", note: "" },
    fixed: { requestId },
    success: t("approved"),
    onSuccess: close,
  });
  const { form } = actionForm;
  const expiry = form.watch("expiry");
  const errors = form.formState.errors;
  return (
    <ActionForm form={actionForm}>
      <FormField
        control={form.control}
        name="expiry"
        render={(f) => (
          <SelectField label={t("lasts")} options={EXPIRY_CHOICES.map((c) => ({ value: c, label: e(`choices.${c}`) }))} {...f} value={f.value} />
        )}
      />
      {expiry === "date" ? <TextField label={t("lastDay")} type="date" error={errors.until?.message} {...form.register("until")} /> : null}
      <TextAreaField label={t("note")} error={errors.note?.message} {...form.register("note")} />
      <DialogFormButtons onCancel={close}>
        <SubmitButton>{t("approve")}</SubmitButton>
      </DialogFormButtons>
    </ActionForm>
  );
}

function DenyForm({ slug, requestId, close }: { slug: string; requestId: string; close: () => void }) {
  const t = useTranslations("accessRequests.decide");
  const actionForm = useActionForm(DenyAccessRequestSchema, (input) => denyAccessRequestAction(slug, input), {
    defaultValues: { note: "" },
    fixed: { requestId },
    success: t("denied"),
    onSuccess: close,
  });
  const { form } = actionForm;
  return (
    <ActionForm form={actionForm}>
      <TextAreaField label={t("note")} error={form.formState.errors.note?.message} {...form.register("note")} />
      <DialogFormButtons onCancel={close}>
        <SubmitButton variant="danger">{t("deny")}</SubmitButton>
      </DialogFormButtons>
    </ActionForm>
  );
}

export function RevokeAccessButton({ slug, request }: { slug: string; request: RequestSummary }) {
  const t = useTranslations("accessRequests.decide");
  return (
    <ActionButton
      action={revokeAccessRequestAction}
      slug={slug}
      input={{ requestId: request.id }}
      variant="danger"
      label={t("revokeLabel", { what: request.label })}
      success={t("revoked")}
      confirm={{ title: t("revokeTitle", { what: request.label }), description: t("revokeDescription"), confirmLabel: t("revokeConfirm") }}
    >
      {t("revoke")}
    </ActionButton>
  );
}

export function CancelAccessRequestButton({ slug, request }: { slug: string; request: RequestSummary }) {
  const t = useTranslations("accessRequests.decide");
  return (
    <ActionButton action={cancelAccessRequestAction} slug={slug} input={{ requestId: request.id }} label={t("cancelLabel", { what: request.label })} success={t("cancelled")}>
      {t("cancel")}
    </ActionButton>
  );
}
