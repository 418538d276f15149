"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { createWorkspaceAction } from "@/lib/workspaces/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { WORKSPACE_KINDS, WORKSPACE_STAGES } from "@/lib/workspaces/kinds";
import type { CreateWorkspaceSchema } from "@/lib/workspaces/schemas";
import { slugify } from "@/lib/workspaces/slug";

// zod and the schema load after the page (components/forms/use-action-form.ts).
const loadCreateWorkspaceSchema = (): Promise<typeof CreateWorkspaceSchema> => import("@/lib/workspaces/schemas").then((m) => m.CreateWorkspaceSchema);

export function CreateWorkspaceForm() {
  const router = useRouter();
  const t = useTranslations("workspaces.create");
  const tw = useTranslations("workspaces");
  const kindOptions = WORKSPACE_KINDS.map((value) => ({ value, label: tw(`kinds.${value}`) }));
  const stageOptions = WORKSPACE_STAGES.map((value) => ({ value, label: tw(`stages.${value}`) }));
  // The slug follows the name until the user edits the slug themselves.
  const [slugEdited, setSlugEdited] = useState(false);
  const workspaceForm = useActionForm(loadCreateWorkspaceSchema, createWorkspaceAction, {
    defaultValues: { name: "", slug: "", kind: "PROJECT", stage: undefined },
    success: t("created"),
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
      <TextField label={t("name")} autoComplete="off" error={errors.name?.message} {...nameField} />
      <TextField
        label={t("slug")}
        autoComplete="off"
        spellCheck={false}
        hint={t("slugHint")}
        error={errors.slug?.message}
        {...slugField}
      />
      <FormField control={form.control} name="kind" render={(field) => <SelectField label={t("kind")} options={kindOptions} {...field} />} />
      {kind === "ENVIRONMENT" ? (
        <FormField control={form.control} name="stage" render={(field) => <SelectField label={t("stage")} options={stageOptions} placeholder={t("stagePlaceholder")} {...field} />} />
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
        <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
