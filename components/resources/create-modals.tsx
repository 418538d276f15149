"use client";

import { useTranslations } from "next-intl";
import type { SelectOption } from "@/components/ui/select";
import { createInstanceAction, createProjectAction, createServerAction } from "@/lib/resources/actions";
import { REGIONS } from "@/lib/resources/choices";
import { CreateInstanceSchema, CreateProjectSchema, CreateServerSchema } from "@/lib/resources/schemas";
import { opts, useEnvironmentOptions } from "./forms";
import { SchemaFormModal } from "./schema-form-modal";

/** Opened by CreateProjectDialog (create-dialogs.tsx), which loads it on the first click. */
export function CreateProjectModal({ onClose, slug }: { slug: string; onClose: () => void }) {
  const t = useTranslations("resources.forms.project");
  return (
    <SchemaFormModal
      title={t("title")}
      onClose={onClose}
      schema={CreateProjectSchema}
      fields={[
        { name: "name", label: t("name"), kind: "text" },
        { name: "repositoryUrl", label: t("repositoryUrl"), kind: "text", placeholder: "https://github.com/acme/web" },
        { name: "branches", label: t("branches"), kind: "text", hint: t("branchesHint") },
      ]}
      defaultValues={{ name: "", repositoryUrl: "", branches: "main" }}
      action={(input) => createProjectAction(slug, input)}
      submitLabel={t("submit")}
      success={t("success")}
    />
  );
}

/** Opened by CreateServerDialog (create-dialogs.tsx), which loads it on the first click. */
export function CreateServerModal({ onClose, slug }: { slug: string; onClose: () => void }) {
  const t = useTranslations("resources.forms.server");
  return (
    <SchemaFormModal
      title={t("title")}
      onClose={onClose}
      schema={CreateServerSchema}
      fields={[
        { name: "name", label: t("name"), kind: "text" },
        { name: "region", label: t("region"), kind: "select", options: opts(REGIONS) },
        { name: "address", label: t("address"), kind: "text", placeholder: t("addressPlaceholder") },
      ]}
      defaultValues={{ name: "", region: REGIONS[0], address: "" }}
      action={(input) => createServerAction(slug, input)}
      submitLabel={t("submit")}
      success={t("success")}
    />
  );
}

/** Opened by CreateInstanceDialog (create-dialogs.tsx), which loads it on the first click. */
export function CreateInstanceModal({ onClose, slug, projects, servers }: { slug: string; projects: SelectOption[]; servers: SelectOption[]; onClose: () => void }) {
  const t = useTranslations("resources.forms.instance");
  const environmentOptions = useEnvironmentOptions();
  return (
    <SchemaFormModal
      title={t("title")}
      onClose={onClose}
      schema={CreateInstanceSchema}
      fields={[
        { name: "name", label: t("name"), kind: "text" },
        { name: "projectId", label: t("project"), kind: "select", options: projects, placeholder: t("projectPlaceholder") },
        { name: "serverId", label: t("server"), kind: "select", options: servers, placeholder: t("serverPlaceholder") },
        { name: "environment", label: t("environment"), kind: "select", options: environmentOptions },
      ]}
      defaultValues={{ name: "", environment: "DEVELOPMENT" }}
      action={(input) => createInstanceAction(slug, input)}
      submitLabel={t("submit")}
      success={t("success")}
    />
  );
}
