"use client";

import { useRef, useState } from "react";
import { deleteWorkspaceAction, removeLogoAction, renameSlugAction, setColorAction, updateGeneralAction, uploadLogoAction } from "@/lib/workspaces/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/resources/action-button";
import { SchemaForm } from "@/components/resources/schema-form";
import { Button } from "@/components/ui/button";
import { FieldShell, inputClass, TextField } from "@/components/ui/field";
import { SWATCHES } from "@/lib/workspaces/color";
import { ConfirmSlugDialog } from "@/components/workspaces/confirm-slug-dialog";
import { ColorSchema, LogoFileSchema, RenameSlugSchema, UpdateGeneralSchema } from "@/lib/workspaces/schemas";

export function GeneralDetailsForm({ slug, name, description }: { slug: string; name: string; description: string }) {
  return (
    <SchemaForm
      schema={UpdateGeneralSchema}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "description", label: "Description", kind: "textarea" },
      ]}
      defaultValues={{ name, description }}
      action={(input) => updateGeneralAction(slug, input)}
      reset="saved"
      submitLabel="Save details"
      success="Details saved"
    />
  );
}

export function RenameSlugForm({ slug }: { slug: string }) {
  return (
    <SchemaForm
      schema={RenameSlugSchema}
      fields={[{ name: "slug", label: "Slug", kind: "text", hint: "Old links keep working: they redirect here until another workspace takes the old slug." }]}
      defaultValues={{ slug }}
      action={(input) => renameSlugAction(slug, input)}
      submitLabel="Change slug"
      success="Slug changed"
      navigate={(data) => `/${data.slug}/settings/general`}
      reset="saved"
    />
  );
}

export function LogoForm({ slug, hasLogo }: { slug: string; hasLogo: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  // The file is checked here before it is sent; the action checks it again, bytes included.
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useAction((form: FormData) => uploadLogoAction(slug, form), {
    errors: "inline",
    success: "Logo updated",
    onSuccess: () => {
      if (input.current) input.current.value = "";
    },
  });
  const error = fileError ?? upload.error?.fieldErrors?.logo ?? upload.error?.message;
  const send = () => {
    const checked = LogoFileSchema.safeParse(input.current?.files?.[0]);
    setFileError(checked.success ? null : (checked.error.issues[0]?.message ?? "Choose an image file"));
    if (!checked.success) return;
    const form = new FormData();
    form.set("logo", checked.data);
    upload.run(form);
  };
  return (
    <div className="space-y-3">
      <FieldShell id="logo-file" label="Logo image" error={error} hint="PNG, JPEG or WebP, at most 1 MB.">
        <input
          ref={input}
          id="logo-file"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "logo-file-error" : "logo-file-hint"}
          className={inputClass}
        />
      </FieldShell>
      <div className="flex gap-2">
        <Button pending={upload.pending} onClick={send}>Upload logo</Button>
        {hasLogo ? (
          <ActionButton
            action={removeLogoAction}
            slug={slug}
            input={{}}
            success="Logo removed"
            confirm={{ title: "Remove the logo?", description: "The workspace shows its initial instead until you upload another.", confirmLabel: "Remove logo" }}
          >
            Remove logo
          </ActionButton>
        ) : null}
      </div>
    </div>
  );
}

export function ColorForm({ slug, color }: { slug: string; color: string }) {
  const colorForm = useActionForm(ColorSchema, (input) => setColorAction(slug, input), { defaultValues: { color }, success: "Colour saved", reset: "saved" });
  const { form } = colorForm;
  const current = form.watch("color");
  return (
    <ActionForm form={colorForm} className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">Swatches</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {SWATCHES.map((swatch) => (
            <label key={swatch} className="cursor-pointer">
              <input
                type="radio"
                name="swatch"
                value={swatch}
                className="peer sr-only"
                checked={current?.toLowerCase() === swatch}
                onChange={() => form.setValue("color", swatch, { shouldValidate: true })}
              />
              <span className="block size-8 rounded-full border-2 border-white ring-2 ring-transparent peer-checked:ring-gray-900 peer-focus-visible:ring-gray-900" style={{ backgroundColor: swatch }} />
              <span className="sr-only">{swatch}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField label="Hex colour" placeholder="#4338ca" spellCheck={false} error={form.formState.errors.color?.message} {...form.register("color")} />
      <SubmitButton>Save colour</SubmitButton>
    </ActionForm>
  );
}

export function DeleteWorkspaceButton({ slug, name, blockers, restoreDays }: { slug: string; name: string; blockers: string[]; restoreDays: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" disabled={blockers.length > 0} onClick={() => setOpen(true)}>
        Delete workspace
      </Button>
      {open ? (
        <ConfirmSlugDialog
          slug={slug}
          title={`Delete ${name}?`}
          description={`Nobody can open it from now on, and its pending invitations and API keys are revoked for good. You can restore it from Your workspaces for ${formatDays(restoreDays)}; after that it is deleted for good with its members, teams, billing history and audit log. To keep a copy, use “Download export (JSON)” first.`}
          confirmLabel="Delete workspace"
          close={() => setOpen(false)}
          action={(input) => deleteWorkspaceAction(slug, input)}
          success={`${name} was deleted. You can restore it from Your workspaces.`}
          navigate="/"
        />
      ) : null}
    </>
  );
}

function formatDays(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}
