"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { deleteWorkspaceAction, removeLogoAction, renameSlugAction, setColorAction, updateGeneralAction, uploadLogoAction } from "@/lib/workspaces/actions";
import { SchemaForm } from "@/components/resources/schema-form";
import { Button } from "@/components/ui/button";
import { FieldShell, FormError, inputClass, TextField } from "@/components/ui/field";
import { applyActionResult } from "@/lib/forms";
import { SWATCHES } from "@/lib/workspaces/color";
import { ConfirmSlugDialog } from "@/components/workspaces/confirm-slug-dialog";
import { ColorSchema, LogoFileSchema, RenameSlugSchema, UpdateGeneralSchema, type ColorInput } from "@/lib/workspaces/schemas";

export function GeneralDetailsForm({ slug, name, description }: { slug: string; name: string; description: string }) {
  return (
    <SchemaForm
      schema={UpdateGeneralSchema}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "description", label: "Description", kind: "textarea" },
      ]}
      defaults={{ name, description }}
      submit={(values) => updateGeneralAction(slug, values)}
      submitLabel="Save details"
      success="Details saved"
    />
  );
}

export function RenameSlugForm({ slug }: { slug: string }) {
  const router = useRouter();
  return (
    <SchemaForm
      schema={RenameSlugSchema}
      fields={[{ name: "slug", label: "Slug", kind: "text", hint: "Old links keep working: they redirect here until another workspace takes the old slug." }]}
      defaults={{ slug }}
      submit={(values) => renameSlugAction(slug, values)}
      submitLabel="Change slug"
      success="Slug changed"
      onDone={(data) => router.push(`/${(data as { slug: string }).slug}/settings/general`)}
    />
  );
}

export function LogoForm({ slug, hasLogo }: { slug: string; hasLogo: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const upload = () =>
    startTransition(async () => {
      setError(null);
      const file = input.current?.files?.[0];
      const checked = LogoFileSchema.safeParse(file);
      if (!checked.success) return setError(checked.error.issues[0]?.message ?? "Choose an image file");
      const form = new FormData();
      form.set("logo", checked.data);
      const result = await uploadLogoAction(slug, form);
      if (!result.ok) return setError(result.fieldErrors?.logo ?? result.error);
      toast.success("Logo updated");
      if (input.current) input.current.value = "";
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <FieldShell id="logo-file" label="Logo image" error={error ?? undefined} hint="PNG, JPEG or WebP, at most 1 MB.">
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
        <Button pending={pending} onClick={upload}>Upload logo</Button>
        {hasLogo ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await removeLogoAction(slug, {});
                if (!result.ok) return setError(result.error);
                toast.success("Logo removed");
                router.refresh();
              })
            }
          >
            Remove logo
          </Button>
        ) : null}
      </div>
    </div>
  );
}

export function ColorForm({ slug, color }: { slug: string; color: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ColorInput>({ resolver: zodResolver(ColorSchema), defaultValues: { color } });
  const current = form.watch("color");
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await setColorAction(slug, values);
    if (!result.ok) return setFormError(applyActionResult(result, form.setError, ["color"]));
    toast.success("Colour saved");
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formError} />
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
      <Button type="submit" pending={form.formState.isSubmitting}>Save colour</Button>
    </form>
  );
}

export function DeleteWorkspaceButton({ slug, name, blockers }: { slug: string; name: string; blockers: string[] }) {
  const router = useRouter();
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
          description="Members, teams, invitations, billing history and the audit log go with it. This cannot be undone."
          confirmLabel="Delete workspace"
          close={() => setOpen(false)}
          submit={(confirmSlug) => deleteWorkspaceAction(slug, { confirmSlug })}
          done={() => {
            toast.success(`${name} was deleted`);
            router.push("/");
          }}
        />
      ) : null}
    </>
  );
}
