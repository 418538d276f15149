"use client";

import { Copy, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { copyText } from "@/components/ui/copy-text";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { translateMessage } from "@/lib/i18n/message-key";
import { API_KEY_EXPIRIES, CreateApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys/schemas";


/** The form, then the new secret: mounted by CreateApiKeyDialog (./create-api-key-dialog.tsx) while open. */
export function CreateApiKeyFlow({ slug, canWrite, close }: { slug: string; canWrite: boolean; close: () => void }) {
  const t = useTranslations("apiKeys.create");
  const root = useTranslations();
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const createForm = useActionForm(CreateApiKeySchema, (input) => createApiKeyAction(slug, input), {
    defaultValues: { name: "", access: "READ", expiresIn: "90" },
    success: t("created"),
    onSuccess: ({ secret }, { name }) => setCreated({ name: name.trim(), secret }),
    // The list refreshes when the dialog closes: until then the secret is what matters.
    refresh: false,
  });
  const { form } = createForm;
  const { errors } = form.formState;
  const accessId = useId();

  // However the dialog closes once the key exists (Done, Escape, the close button), the new key joins the list.
  const done = () => {
    close();
    router.refresh();
  };
  const accessOptions: { value: CreateApiKeyInput["access"]; label: string; description: string }[] = [
    { value: "READ", label: t("readLabel"), description: t("readDescription") },
    { value: "WRITE", label: t("writeLabel"), description: t("writeDescription") },
  ];
  const options = canWrite ? accessOptions : accessOptions.filter((option) => option.value === "READ");
  const expiryOptions = API_KEY_EXPIRIES.map((value) => ({ value, label: t(`expiry.${value}`) }));
  const accessError = errors.access?.message ? translateMessage(root, errors.access.message) : undefined;
  // One dialog whose content changes, so focus stays inside it when the form gives way to the secret.
  return (
    <Dialog
      open
      onOpenChange={(isOpen) => !isOpen && (created ? done() : close())}
      title={created ? t("copyTitle") : t("title")}
      description={created ? t("readyDescription", { name: created.name }) : t("description")}
    >
      {created ? (
        <NewSecret secret={created.secret} onDone={done} />
      ) : (
        <ActionForm form={createForm}>
          <TextField
            label={t("name")}
            autoComplete="off"
            autoFocus
            hint={t("nameHint")}
            error={errors.name?.message}
            {...form.register("name")}
          />
          <fieldset aria-describedby={accessError ? `${accessId}-error` : canWrite ? undefined : `${accessId}-hint`}>
            <legend className="text-sm font-medium text-gray-800">{t("access")}</legend>
            <div className="mt-1 space-y-2">
              {options.map((option) => (
                <div key={option.value} className="flex items-start gap-2">
                  <input
                    id={`${accessId}-${option.value}`}
                    type="radio"
                    value={option.value}
                    className="mt-0.5 size-4 shrink-0 accent-brand"
                    aria-invalid={accessError ? true : undefined}
                    aria-describedby={`${accessId}-${option.value}-description`}
                    {...form.register("access")}
                  />
                  <div>
                    <label htmlFor={`${accessId}-${option.value}`} className="block text-sm font-medium text-gray-900">
                      {option.label}
                    </label>
                    <p id={`${accessId}-${option.value}-description`} className="text-xs text-gray-600">
                      {option.description}
                    </p>
                  </div>
                </div>
              ))}
            </div>
            {!canWrite && !accessError ? (
              <p id={`${accessId}-hint`} className="mt-1 text-xs text-gray-600">
                {t("writeHint")}
              </p>
            ) : null}
            {accessError ? (
              <p id={`${accessId}-error`} role="alert" className="mt-1 text-sm text-red-700">
                {accessError}
              </p>
            ) : null}
          </fieldset>
          <FormField control={form.control} name="expiresIn" render={(field) => <SelectField label={t("expiresAfter")} options={expiryOptions} {...field} />} />
          <DialogFormButtons onCancel={close}>
            <SubmitButton pendingLabel={t("creating")}>{t("submit")}</SubmitButton>
          </DialogFormButtons>
        </ActionForm>
      )}
    </Dialog>
  );
}

/** The secret in a read-only field that selects itself, a Copy button, and the one warning that matters. */
function NewSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useTranslations("apiKeys.create");
  const warningId = useId();
  return (
    <div className="space-y-4">
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <TextField
            label={t("newKey")}
            readOnly
            value={secret}
            autoFocus
            spellCheck={false}
            autoComplete="off"
            className="font-mono"
            aria-describedby={warningId}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <Button variant="secondary" onClick={() => copyText(secret, t("copyWhat"))} aria-label={t("copyLabel")}>
          <Copy aria-hidden className="size-4" /> {t("copy")}
        </Button>
      </div>
      <p className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span id={warningId}>
          {t("warning")}
        </span>
      </p>
      <div className="flex justify-end">
        <Button onClick={onDone}>{t("done")}</Button>
      </div>
    </div>
  );
}
