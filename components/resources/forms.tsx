"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { connectAsUserAction, createBackupAction, mergeBranchesAction, updateInstanceSettingsAction } from "@/lib/resources/actions";
import { setSecretAction } from "@/lib/secrets/actions";
import type { SelectOption } from "@/components/ui/select";
import type {
  ConnectAsUserSchema,
  CreateBackupSchema,
  InstanceSettings,
  InstanceSettingsSchema,
  MergeBranchesSchema,
  SetSecretSchema,
} from "@/lib/resources/schemas";
import { ENVIRONMENTS } from "@/lib/resources/choices";
import { formatDateTime } from "@/lib/i18n/format";
import { SchemaForm } from "./schema-form";

// The forms that sit on a page (not in a dialog opened later) load zod and their schema after it.
const schemas = () => import("@/lib/resources/schemas");
const loadMergeBranchesSchema = (): Promise<typeof MergeBranchesSchema> => schemas().then((m) => m.MergeBranchesSchema);
const loadConnectAsUserSchema = (): Promise<typeof ConnectAsUserSchema> => schemas().then((m) => m.ConnectAsUserSchema);
const loadInstanceSettingsSchema = (): Promise<typeof InstanceSettingsSchema> => schemas().then((m) => m.InstanceSettingsSchema);
const loadCreateBackupSchema = (): Promise<typeof CreateBackupSchema> => schemas().then((m) => m.CreateBackupSchema);
const loadSetSecretSchema = (): Promise<typeof SetSecretSchema> => schemas().then((m) => m.SetSecretSchema);

/** The environments as select options, in the reader's language. */
export function useEnvironmentOptions(): SelectOption[] {
  const t = useTranslations("resources");
  return ENVIRONMENTS.map((e) => ({ value: e, label: t(`environment.${e}`) }));
}
export const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function MergeBranchesForm({ slug, projectId, branches }: { slug: string; projectId: string; branches: string[] }) {
  const t = useTranslations("resources.forms.merge");
  return (
    <SchemaForm
      schema={loadMergeBranchesSchema}
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
        schema={loadConnectAsUserSchema}
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
      schema={loadInstanceSettingsSchema}
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
      schema={loadCreateBackupSchema}
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
      schema={loadSetSecretSchema}
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
