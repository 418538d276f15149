"use client";

import { useTranslations } from "next-intl";
import { use } from "react";
import { Dialog } from "@/components/ui/dialog";
import { createInstanceAction, createProjectAction, createServerAction } from "@/lib/resources/actions";
import { REGIONS } from "@/lib/resources/choices";
import { CreateInstanceSchema, CreateProjectSchema, CreateServerSchema } from "@/lib/resources/schemas";
import { opts, useEnvironmentOptions } from "./forms";
import { forgetInstanceParents, instanceParents } from "./instance-parents";
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

/**
 * Opened by CreateInstanceDialog (create-dialogs.tsx), which loads it on the first click. Its projects and
 * servers come from the server as it opens (./instance-parents); until they arrive it suspends, inside the
 * button's Suspense.
 */
export function CreateInstanceModal({ onClose, slug }: { slug: string; onClose: () => void }) {
  const t = useTranslations("resources.forms.instance");
  const environmentOptions = useEnvironmentOptions();
  const parents = use(instanceParents(slug));
  const close = () => {
    forgetInstanceParents(slug);
    onClose();
  };
  if ("error" in parents) {
    return (
      <Dialog open onOpenChange={(open) => !open && close()} title={t("title")}>
        <p role="alert" className="text-sm text-red-700">
          {parents.offline ? t("offline") : (parents.error ?? t("loadFailed"))}
        </p>
      </Dialog>
    );
  }
  return (
    <SchemaFormModal
      title={t("title")}
      onClose={close}
      schema={CreateInstanceSchema}
      fields={[
        { name: "name", label: t("name"), kind: "text" },
        { name: "projectId", label: t("project"), kind: "select", options: parents.projects, placeholder: t("projectPlaceholder") },
        { name: "serverId", label: t("server"), kind: "select", options: parents.servers, placeholder: t("serverPlaceholder") },
        { name: "environment", label: t("environment"), kind: "select", options: environmentOptions },
      ]}
      defaultValues={{ name: "", environment: "DEVELOPMENT" }}
      action={(input) => createInstanceAction(slug, input)}
      submitLabel={t("submit")}
      success={t("success")}
    />
  );
}
