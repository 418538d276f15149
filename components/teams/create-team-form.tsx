"use client";

import { createTeamAction } from "@/lib/teams/actions";
import { SchemaForm } from "@/components/resources/schema-form";
import { CreateTeamSchema } from "@/lib/teams/schemas";

export function CreateTeamForm({ slug }: { slug: string }) {
  return (
    <SchemaForm
      schema={CreateTeamSchema}
      fields={[{ name: "name", label: "Team name", kind: "text" }]}
      defaultValues={{ name: "" }}
      action={(input) => createTeamAction(slug, input)}
      submitLabel="Create team"
      success="Team created"
    />
  );
}
