"use client";

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
import { SchemaForm, SchemaFormDialog } from "./schema-form";

const ENVIRONMENT_OPTIONS = ENVIRONMENTS.map((e) => ({ value: e, label: e.charAt(0) + e.slice(1).toLowerCase() }));
const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function CreateProjectDialog({ slug }: { slug: string }) {
  return (
    <SchemaFormDialog
      title="New project"
      buttonLabel="New project"
      schema={CreateProjectSchema}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "repositoryUrl", label: "Repository URL", kind: "text", placeholder: "https://github.com/acme/web" },
        { name: "branches", label: "Branches", kind: "text", hint: "Separated by commas or spaces" },
      ]}
      defaultValues={{ name: "", repositoryUrl: "", branches: "main" }}
      action={(input) => createProjectAction(slug, input)}
      submitLabel="Create project"
      success="Project created"
    />
  );
}

export function CreateServerDialog({ slug }: { slug: string }) {
  return (
    <SchemaFormDialog
      title="New server"
      buttonLabel="New server"
      schema={CreateServerSchema}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "region", label: "Region", kind: "select", options: opts(REGIONS) },
        { name: "address", label: "Address", kind: "text", placeholder: "10.0.0.12 or web-1.internal" },
      ]}
      defaultValues={{ name: "", region: REGIONS[0], address: "" }}
      action={(input) => createServerAction(slug, input)}
      submitLabel="Create server"
      success="Server created"
    />
  );
}

export function CreateInstanceDialog({ slug, projects, servers }: { slug: string; projects: SelectOption[]; servers: SelectOption[] }) {
  return (
    <SchemaFormDialog
      title="New instance"
      buttonLabel="New instance"
      schema={CreateInstanceSchema}
      fields={[
        { name: "name", label: "Name", kind: "text" },
        { name: "projectId", label: "Project", kind: "select", options: projects, placeholder: "Choose a project" },
        { name: "serverId", label: "Server", kind: "select", options: servers, placeholder: "Choose a server" },
        { name: "environment", label: "Environment", kind: "select", options: ENVIRONMENT_OPTIONS },
      ]}
      defaultValues={{ name: "", environment: "DEVELOPMENT" }}
      action={(input) => createInstanceAction(slug, input)}
      submitLabel="Create instance"
      success="Instance created"
    />
  );
}

export function MergeBranchesForm({ slug, projectId, branches }: { slug: string; projectId: string; branches: string[] }) {
  return (
    <SchemaForm
      schema={MergeBranchesSchema}
      fields={[
        { name: "sourceBranch", label: "Merge branch", kind: "select", options: opts(branches) },
        { name: "targetBranch", label: "Into", kind: "select", options: opts(branches) },
      ]}
      defaultValues={{ sourceBranch: branches[1] ?? branches[0], targetBranch: branches[0] }}
      fixed={{ projectId }}
      action={(input) => mergeBranchesAction(slug, input)}
      submitLabel="Merge"
      success="Branches merged"
    />
  );
}

export function ConnectAsUserForm({ slug, instanceId, systemUsers }: { slug: string; instanceId: string; systemUsers: string[] }) {
  const [session, setSession] = useState<{ command: string; expiresAt: string } | null>(null);
  return (
    <div className="space-y-3">
      <SchemaForm
        schema={ConnectAsUserSchema}
        fields={[{ name: "systemUser", label: "System user", kind: "select", options: opts(systemUsers) }]}
        defaultValues={{ systemUser: systemUsers[0] }}
        fixed={{ instanceId }}
        action={(input) => connectAsUserAction(slug, input)}
        submitLabel="Connect"
        success="Session opened"
        onSuccess={setSession}
      />
      {session ? (
        <div role="status" className="rounded-md border border-gray-200 bg-gray-50 p-3 text-sm">
          <p className="font-medium">Session ready until {new Date(session.expiresAt).toUTCString()}</p>
          <code className="mt-1 block break-all text-gray-800">{session.command}</code>
        </div>
      ) : null}
    </div>
  );
}

export function InstanceSettingsForm({ slug, instanceId, settings }: { slug: string; instanceId: string; settings: InstanceSettings }) {
  return (
    <SchemaForm
      schema={InstanceSettingsSchema}
      fields={[
        { name: "replicas", label: "Replicas", kind: "number", hint: "1 to 20" },
        { name: "memoryMb", label: "Memory (MB)", kind: "number", hint: "128 to 16384" },
        { name: "autoRestart", label: "Restart automatically after a crash", kind: "switch" },
      ]}
      defaultValues={{ ...settings }}
      fixed={{ instanceId }}
      action={(input) => updateInstanceSettingsAction(slug, input)}
      reset="saved"
      submitLabel="Save settings"
      success="Settings saved"
    />
  );
}

export function CreateBackupForm({ slug, instanceId }: { slug: string; instanceId: string }) {
  return (
    <SchemaForm
      schema={CreateBackupSchema}
      fields={[{ name: "label", label: "Label (optional)", kind: "text" }]}
      defaultValues={{ label: "" }}
      fixed={{ instanceId }}
      action={(input) => createBackupAction(slug, input)}
      submitLabel="Create backup"
      success="Backup created"
    />
  );
}

export function SetSecretForm({ slug }: { slug: string }) {
  return (
    <SchemaForm
      schema={SetSecretSchema}
      fields={[
        { name: "environment", label: "Environment", kind: "select", options: ENVIRONMENT_OPTIONS },
        { name: "name", label: "Name", kind: "text", placeholder: "DATABASE_PASSWORD" },
        { name: "value", label: "Value", kind: "password", hint: "Stored encrypted; only its last four characters are shown again." },
      ]}
      defaultValues={{ environment: "DEVELOPMENT", name: "", value: "" }}
      action={(input) => setSecretAction(slug, input)}
      submitLabel="Save secret"
      success="Secret saved"
    />
  );
}
