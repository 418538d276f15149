"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { createInstanceAction, connectAsUserAction, createBackupAction, updateInstanceSettingsAction } from "@/lib/resources/actions";
import { createProjectAction, mergeBranchesAction } from "@/lib/resources/actions";
import { setSecretAction } from "@/lib/secrets/actions";
import { createServerAction } from "@/lib/resources/actions";
import type { SelectOption } from "@/components/ui/select";
import {
  ConnectAsUserSchema,
  CreateBackupSchema,
  CreateInstanceSchema,
  CreateProjectSchema,
  CreateServerSchema,
  ENVIRONMENTS,
  InstanceSettingsSchema,
  MergeBranchesSchema,
  REGIONS,
  SetSecretSchema,
  type InstanceSettings,
} from "@/lib/resources/schemas";
import { formatDateTime } from "@/lib/i18n/format";
import { SchemaForm, SchemaFormModal } from "./schema-form";

/** The environments as select options, in the reader's language. */
function useEnvironmentOptions(): SelectOption[] {
  const t = useTranslations("resources");
  return ENVIRONMENTS.map((e) => ({ value: e, label: t(`environment.${e}`) }));
}
const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

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

export function MergeBranchesForm({ slug, projectId, branches }: { slug: string; projectId: string; branches: string[] }) {
  const t = useTranslations("resources.forms.merge");
  return (
    <SchemaForm
      schema={MergeBranchesSchema}
      fields={[
        { name: "sourceBranch", label: t("source"), kind: "select", options: opts(branches) },
        { name: "targetBranch", label: t("target"), kind: "select", options: opts(branches) },
      ]}
      defaultValues={{ sourceBranch: branches[1] ?? branches[0], targetBranch: branches[0] }}
      fixed={{ projectId }}
      action={(input) => mergeBranchesAction(slug, input)}
      submitLabel={t("submit")}
      success={t("success")}
    />
  );
}

export function ConnectAsUserForm({ slug, instanceId, systemUsers }: { slug: string; instanceId: string; systemUsers: string[] }) {
  const t = useTranslations("resources.forms.connect");
  const locale = useLocale();
  const [session, setSession] = useState<{ command: string; expiresAt: string } | null>(null);
  return (
    <div className="space-y-3">
      <SchemaForm
        schema={ConnectAsUserSchema}
        fields={[{ name: "systemUser", label: t("systemUser"), kind: "select", options: opts(systemUsers) }]}
        defaultValues={{ systemUser: systemUsers[0] }}
        fixed={{ instanceId }}
        action={(input) => connectAsUserAction(slug, input)}
        submitLabel={t("submit")}
        success={t("success")}
        onSuccess={setSession}
      />
      {session ? (
        <div role="status" className="rounded-md border border-gray-200 bg-gray-50 p-3 text-sm">
          <p className="font-medium">{t("ready", { until: formatDateTime(new Date(session.expiresAt), locale) })}</p>
          <code className="mt-1 block break-all text-gray-800">{session.command}</code>
        </div>
      ) : null}
    </div>
  );
}

export function InstanceSettingsForm({ slug, instanceId, settings }: { slug: string; instanceId: string; settings: InstanceSettings }) {
  const t = useTranslations("resources.forms.settings");
  return (
    <SchemaForm
      schema={InstanceSettingsSchema}
      fields={[
        { name: "replicas", label: t("replicas"), kind: "number", hint: t("replicasHint") },
        { name: "memoryMb", label: t("memory"), kind: "number", hint: t("memoryHint") },
        { name: "autoRestart", label: t("autoRestart"), kind: "switch" },
      ]}
      defaultValues={{ ...settings }}
      fixed={{ instanceId }}
      action={(input) => updateInstanceSettingsAction(slug, input)}
      reset="saved"
      submitLabel={t("submit")}
      success={t("success")}
    />
  );
}

export function CreateBackupForm({ slug, instanceId }: { slug: string; instanceId: string }) {
  const t = useTranslations("resources.forms.backup");
  return (
    <SchemaForm
      schema={CreateBackupSchema}
      fields={[{ name: "label", label: t("label"), kind: "text" }]}
      defaultValues={{ label: "" }}
      fixed={{ instanceId }}
      action={(input) => createBackupAction(slug, input)}
      submitLabel={t("submit")}
      success={t("success")}
    />
  );
}

export function SetSecretForm({ slug }: { slug: string }) {
  const t = useTranslations("secrets.form");
  const environmentOptions = useEnvironmentOptions();
  return (
    <SchemaForm
      schema={SetSecretSchema}
      fields={[
        { name: "environment", label: t("environment"), kind: "select", options: environmentOptions },
        { name: "name", label: t("name"), kind: "text", placeholder: "DATABASE_PASSWORD" },
        { name: "value", label: t("value"), kind: "password", hint: t("valueHint") },
      ]}
      defaultValues={{ environment: "DEVELOPMENT", name: "", value: "" }}
      action={(input) => setSecretAction(slug, input)}
      submitLabel={t("submit")}
      success={t("success")}
    />
  );
}
