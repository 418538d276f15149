"use client";

import { useTranslations } from "next-intl";
import { createTeamAction } from "@/lib/teams/actions";
import { SchemaForm } from "@/components/resources/schema-form";
import type { CreateTeamSchema } from "@/lib/teams/schemas";

// zod and the schema load after the page (components/forms/use-action-form.ts).
const loadCreateTeamSchema = (): Promise<typeof CreateTeamSchema> => import("@/lib/teams/schemas").then((m) => m.CreateTeamSchema);

export function CreateTeamForm({ slug }: { slug: string }) {
  const t = useTranslations("teams.create");
  return (
    <SchemaForm
      schema={loadCreateTeamSchema}
      fields={[{ name: "name", label: t("name"), kind: "text" }]}
      defaultValues={{ name: "" }}
      action={(input) => createTeamAction(slug, input)}
      submitLabel={t("submit")}
      success={t("created")}
    />
  );
}
