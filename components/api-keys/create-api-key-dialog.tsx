"use client";

import { Copy, KeyRound, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { copyText } from "@/components/ui/copy-text";
import { Dialog, DialogFormButtons } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { API_KEY_EXPIRY, CreateApiKeySchema, type ApiKeyExpiry, type CreateApiKeyInput } from "@/lib/api-keys/schemas";

const EXPIRY_OPTIONS = (Object.keys(API_KEY_EXPIRY) as ApiKeyExpiry[]).map((value) => ({ value, label: API_KEY_EXPIRY[value] }));

const ACCESS_OPTIONS: { value: CreateApiKeyInput["access"]; label: string; description: string }[] = [
  { value: "READ", label: "Read-only", description: "Reads what you can see; changes nothing." },
  { value: "WRITE", label: "Read and write (your permissions)", description: "Does anything you may do yourself, changes included." },
];

/**
 * "Create API key" and its dialog: a form, then the new secret, shown this once (only its hash is
 * stored). `canWrite` is whether the caller holds apiKeys.manage; the server refuses a write key
 * to anyone else whatever the form sends.
 */
export function CreateApiKeyDialog({ slug, canWrite }: { slug: string; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <KeyRound aria-hidden className="size-4" />
        Create API key
      </Button>
      {/* Mounted while open only: each key starts from a fresh form, and the secret leaves memory on close. */}
      {open ? <CreateApiKeyFlow slug={slug} canWrite={canWrite} close={() => setOpen(false)} /> : null}
    </>
  );
}

function CreateApiKeyFlow({ slug, canWrite, close }: { slug: string; canWrite: boolean; close: () => void }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const createForm = useActionForm(CreateApiKeySchema, (input) => createApiKeyAction(slug, input), {
    defaultValues: { name: "", access: "READ", expiresIn: "90" },
    success: "API key created",
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
  const options = canWrite ? ACCESS_OPTIONS : ACCESS_OPTIONS.filter((option) => option.value === "READ");
  const accessError = errors.access?.message;
  // One dialog whose content changes, so focus stays inside it when the form gives way to the secret.
  return (
    <Dialog
      open
      onOpenChange={(isOpen) => !isOpen && (created ? done() : close())}
      title={created ? "Copy your key now" : "Create API key"}
      description={
        created
          ? `“${created.name}” is ready. Send it as a Bearer token in the Authorization header.`
          : "The key acts as you: with your permissions at the time of each request, capped by the access you choose here."
      }
    >
      {created ? (
        <NewSecret secret={created.secret} onDone={done} />
      ) : (
        <ActionForm form={createForm}>
          <TextField
            label="Name"
            autoComplete="off"
            autoFocus
            hint="Say where it is used, like “CI deploy”, so you recognise it later."
            error={errors.name?.message}
            {...form.register("name")}
          />
          <fieldset aria-describedby={accessError ? `${accessId}-error` : canWrite ? undefined : `${accessId}-hint`}>
            <legend className="text-sm font-medium text-gray-800">Access</legend>
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
                Keys that write are created by admins and owners.
              </p>
            ) : null}
            {accessError ? (
              <p id={`${accessId}-error`} role="alert" className="mt-1 text-sm text-red-700">
                {accessError}
              </p>
            ) : null}
          </fieldset>
          <FormField control={form.control} name="expiresIn" render={(field) => <SelectField label="Expires after" options={EXPIRY_OPTIONS} {...field} />} />
          <DialogFormButtons onCancel={close}>
            <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
          </DialogFormButtons>
        </ActionForm>
      )}
    </Dialog>
  );
}

/** The secret in a read-only field that selects itself, a Copy button, and the one warning that matters. */
function NewSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const warningId = useId();
  return (
    <div className="space-y-4">
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <TextField
            label="Your new API key"
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
        <Button variant="secondary" onClick={() => copyText(secret, "API key")} aria-label="Copy the API key">
          <Copy aria-hidden className="size-4" /> Copy
        </Button>
      </div>
      <p className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span id={warningId}>
          This is the only time the key is shown: only a fingerprint of it is stored. Keep it somewhere safe, such as
          your CI&apos;s secret store. If you lose it, revoke it and create another.
        </span>
      </p>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
