"use client";

import { useTranslations } from "next-intl";
import { createTeamAction } from "@/lib/teams/actions";
import { SchemaForm } from "@/components/resources/schema-form";
import { CreateTeamSchema } from "@/lib/teams/schemas";

export function CreateTeamForm({ slug }: { slug: string }) {
  const t = useTranslations("teams.create");
  return (
    <SchemaForm
      schema={CreateTeamSchema}
      fields={[{ name: "name", label: t("name"), kind: "text" }]}
      defaultValues={{ name: "" }}
      action={(input) => createTeamAction(slug, input)}
      submitLabel={t("submit")}
      success={t("created")}
    />
  );
}
