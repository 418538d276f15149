"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
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
import { messageKey } from "@/lib/i18n/message-key";
import { ColorSchema, LogoFileSchema, RenameSlugSchema, UpdateGeneralSchema } from "@/lib/workspaces/schemas";

export function GeneralDetailsForm({ slug, name, description }: { slug: string; name: string; description: string }) {
  const t = useTranslations("general.details");
  return (
    <SchemaForm
      schema={UpdateGeneralSchema}
      fields={[
        { name: "name", label: t("name"), kind: "text" },
        { name: "description", label: t("description"), kind: "textarea" },
      ]}
      defaultValues={{ name, description }}
      action={(input) => updateGeneralAction(slug, input)}
      reset="saved"
      submitLabel={t("save")}
      success={t("saved")}
    />
  );
}

export function RenameSlugForm({ slug }: { slug: string }) {
  const t = useTranslations("general.address");
  return (
    <SchemaForm
      schema={RenameSlugSchema}
      fields={[{ name: "slug", label: t("slug"), kind: "text", hint: t("slugHint") }]}
      defaultValues={{ slug }}
      action={(input) => renameSlugAction(slug, input)}
      submitLabel={t("save")}
      success={t("saved")}
      navigate={(data) => `/${data.slug}/settings/general`}
      reset="saved"
    />
  );
}

export function LogoForm({ slug, hasLogo }: { slug: string; hasLogo: boolean }) {
  const t = useTranslations("general.logo");
  const input = useRef<HTMLInputElement>(null);
  // The file is checked here before it is sent; the action checks it again, bytes included.
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useAction((form: FormData) => uploadLogoAction(slug, form), {
    errors: "inline",
    success: t("updated"),
    onSuccess: () => {
      if (input.current) input.current.value = "";
    },
  });
  const error = fileError ?? upload.error?.fieldErrors?.logo ?? upload.error?.message;
  const send = () => {
    const checked = LogoFileSchema.safeParse(input.current?.files?.[0]);
    setFileError(checked.success ? null : (checked.error.issues[0]?.message ?? messageKey("validation.workspaces.chooseImage")));
    if (!checked.success) return;
    const form = new FormData();
    form.set("logo", checked.data);
    upload.run(form);
  };
  return (
    <div className="space-y-3">
      <FieldShell id="logo-file" label={t("file")} error={error} hint={t("fileHint")}>
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
        <Button pending={upload.pending} onClick={send}>{t("upload")}</Button>
        {hasLogo ? (
          <ActionButton
            action={removeLogoAction}
            slug={slug}
            input={{}}
            success={t("removed")}
            confirm={{ title: t("removeTitle"), description: t("removeDescription"), confirmLabel: t("remove") }}
          >
            {t("remove")}
          </ActionButton>
        ) : null}
      </div>
    </div>
  );
}

export function ColorForm({ slug, color }: { slug: string; color: string }) {
  const t = useTranslations("general.colour");
  const colorForm = useActionForm(ColorSchema, (input) => setColorAction(slug, input), { defaultValues: { color }, success: t("saved"), reset: "saved" });
  const { form } = colorForm;
  const current = form.watch("color");
  return (
    <ActionForm form={colorForm} className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">{t("swatches")}</legend>
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
      <TextField label={t("hex")} placeholder="#4338ca" spellCheck={false} error={form.formState.errors.color?.message} {...form.register("color")} />
      <SubmitButton>{t("save")}</SubmitButton>
    </ActionForm>
  );
}

export function DeleteWorkspaceButton({ slug, name, blocked, restoreDays }: { slug: string; name: string; blocked: boolean; restoreDays: number }) {
  const t = useTranslations("general.delete");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" disabled={blocked} onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      {open ? (
        <ConfirmSlugDialog
          slug={slug}
          title={t("title", { name })}
          description={t("description", { days: restoreDays })}
          confirmLabel={t("button")}
          close={() => setOpen(false)}
          action={(input) => deleteWorkspaceAction(slug, input)}
          success={t("done", { name })}
          navigate="/"
        />
      ) : null}
    </>
  );
}
