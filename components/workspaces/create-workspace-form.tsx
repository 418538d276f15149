"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { createWorkspaceAction } from "@/lib/workspaces/actions";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { applyActionResult } from "@/lib/forms";
import { CreateWorkspaceSchema, type CreateWorkspaceInput } from "@/lib/workspaces/schemas";
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
  const [formError, setFormError] = useState<string | null>(null);
  // The slug follows the name until the user edits the slug themselves.
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useForm<CreateWorkspaceInput>({
    resolver: zodResolver(CreateWorkspaceSchema),
    defaultValues: { name: "", slug: "", kind: "PROJECT" },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch("kind");

  const nameField = form.register("name", {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      if (!slugEdited) form.setValue("slug", slugify(event.target.value), { shouldValidate: form.formState.isSubmitted });
    },
  });
  const slugField = form.register("slug", { onChange: () => setSlugEdited(true) });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await createWorkspaceAction(values);
    if (result.ok) {
      toast.success("Workspace created");
      router.push(`/${result.data.slug}`);
      return;
    }
    setFormError(applyActionResult(result, form.setError, ["name", "slug", "kind", "stage"]));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...nameField} />
      <TextField
        label="Slug"
        autoComplete="off"
        spellCheck={false}
        hint="Lowercase letters, digits and hyphens; used in the workspace's URLs."
        error={errors.slug?.message}
        {...slugField}
      />
      <Controller
        control={form.control}
        name="kind"
        render={({ field }) => (
          <SelectField label="Kind" value={field.value} onChange={field.onChange} options={KIND_OPTIONS} error={errors.kind?.message} />
        )}
      />
      {kind === "ENVIRONMENT" ? (
        <Controller
          control={form.control}
          name="stage"
          render={({ field }) => (
            <SelectField
              label="Stage"
              value={field.value}
              onChange={field.onChange}
              options={STAGE_OPTIONS}
              placeholder="Choose a stage"
              error={errors.stage?.message}
            />
          )}
        />
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create workspace"}
        </Button>
      </div>
    </form>
  );
}
