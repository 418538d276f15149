"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createWorkspaceAction } from "@/lib/workspaces/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { CreateWorkspaceSchema } from "@/lib/workspaces/schemas";
import { slugify } from "@/lib/workspaces/slug";

const KIND_OPTIONS = [
  { value: "PROJECT", label: "Project" },
  { value: "ENVIRONMENT", label: "Environment" },
];
const STAGE_OPTIONS = [
  { value: "DEVELOPMENT", label: "Development" },
  { value: "STAGING", label: "Staging" },
  { value: "PRODUCTION", label: "Production" },
];

export function CreateWorkspaceForm() {
  const router = useRouter();
  // The slug follows the name until the user edits the slug themselves.
  const [slugEdited, setSlugEdited] = useState(false);
  const workspaceForm = useActionForm(CreateWorkspaceSchema, createWorkspaceAction, {
    defaultValues: { name: "", slug: "", kind: "PROJECT", stage: undefined },
    success: "Workspace created",
    navigate: (data) => `/${data.slug}`,
    reset: "saved",
  });
  const { form } = workspaceForm;
  const { errors } = form.formState;
  const kind = form.watch("kind");

  const nameField = form.register("name", {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      if (!slugEdited) form.setValue("slug", slugify(event.target.value), { shouldValidate: form.formState.isSubmitted });
    },
  });
  const slugField = form.register("slug", { onChange: () => setSlugEdited(true) });

  return (
    <ActionForm form={workspaceForm}>
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...nameField} />
      <TextField
        label="Slug"
        autoComplete="off"
        spellCheck={false}
        hint="Lowercase letters, digits and hyphens; used in the workspace's URLs."
        error={errors.slug?.message}
        {...slugField}
      />
      <FormField control={form.control} name="kind" render={(field) => <SelectField label="Kind" options={KIND_OPTIONS} {...field} />} />
      {kind === "ENVIRONMENT" ? (
        <FormField control={form.control} name="stage" render={(field) => <SelectField label="Stage" options={STAGE_OPTIONS} placeholder="Choose a stage" {...field} />} />
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Creating…">Create workspace</SubmitButton>
      </div>
    </ActionForm>
  );
}
