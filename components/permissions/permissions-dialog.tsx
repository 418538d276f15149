"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { SwitchField } from "@/components/ui/switch";
import { GRANTABLE_KEYS, GRANTABLE_LABELS } from "@/lib/authz/permissions";
import type { ActionResult } from "@/lib/errors";
import { applyActionResult } from "@/lib/forms";
import { GrantFieldsSchema, TEAM_FLOORS } from "@/lib/teams/schemas";

export interface GrantOptions {
  projects: { id: string; name: string }[];
  instances: { id: string; name: string; environment: string }[];
  servers: { id: string; name: string }[];
}

const DialogSchema = GrantFieldsSchema.extend({ roleFloor: z.enum(TEAM_FLOORS).optional() });
type DialogValues = z.input<typeof DialogSchema>;

const FLOOR_OPTIONS = [
  { value: "NONE", label: "No floor" },
  { value: "VIEWER", label: "Viewer" },
  { value: "DEVELOPER", label: "Developer" },
];

export interface PermissionsDialogData {
  initial: DialogValues;
  options: GrantOptions;
}

/**
 * The permissions modal, for a member or a team: action toggles and resource allow-lists in one
 * form. The same zod fields are parsed again by the server action that saves it. Its data may arrive
 * after it opens (`data` null meanwhile), so the dialog and its focus stay put while it loads.
 */
export function PermissionsDialog({
  open,
  onOpenChange,
  title,
  description,
  data,
  loadError,
  withRoleFloor,
  save,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  data: PermissionsDialogData | null;
  loadError?: string | null;
  withRoleFloor?: boolean;
  save: (values: DialogValues) => Promise<ActionResult<unknown>>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {data ? (
        <PermissionsForm data={data} withRoleFloor={withRoleFloor} save={save} close={() => onOpenChange(false)} />
      ) : loadError ? (
        <p role="alert" className="text-sm text-red-700">{loadError}</p>
      ) : (
        <p role="status" className="text-sm text-gray-700">Loading permissions…</p>
      )}
    </Dialog>
  );
}

function PermissionsForm({
  data: { initial, options },
  withRoleFloor,
  save,
  close,
}: {
  data: PermissionsDialogData;
  withRoleFloor?: boolean;
  save: (values: DialogValues) => Promise<ActionResult<unknown>>;
  close: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DialogValues>({ resolver: zodResolver(DialogSchema), defaultValues: initial });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await save(values);
    if (result.ok) {
      close();
      return;
    }
    setFormError(applyActionResult(result, form.setError, ["actions", "projectIds", "instanceIds", "serverIds", "roleFloor"]));
  });
  const errors = form.formState.errors;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormError message={formError} />
      {withRoleFloor ? (
        <Controller
          control={form.control}
          name="roleFloor"
          render={({ field }) => (
            <SelectField label="Role floor" value={field.value ?? "NONE"} onChange={field.onChange} options={FLOOR_OPTIONS} error={errors.roleFloor?.message} />
          )}
        />
      ) : null}
      <fieldset>
        <legend className="text-sm font-semibold text-gray-900">Actions</legend>
        <Controller
          control={form.control}
          name="actions"
          render={({ field }) => (
            <div className="divide-y divide-gray-100">
              {GRANTABLE_KEYS.map((key) => (
                <SwitchField
                  key={key}
                  label={GRANTABLE_LABELS[key].label}
                  description={GRANTABLE_LABELS[key].description}
                  checked={field.value.includes(key)}
                  onCheckedChange={(on) => field.onChange(on ? [...field.value, key] : field.value.filter((k) => k !== key))}
                />
              ))}
            </div>
          )}
        />
        {errors.actions?.message ? <p role="alert" className="text-sm text-red-700">{errors.actions.message}</p> : null}
      </fieldset>
      <ResourcePicker form={form} name="projectIds" legend="Allowed projects" items={options.projects.map((p) => ({ id: p.id, label: p.name }))} />
      <ResourcePicker
        form={form}
        name="instanceIds"
        legend="Allowed instances"
        items={options.instances.map((i) => ({ id: i.id, label: `${i.name} (${i.environment.toLowerCase()})` }))}
      />
      <ResourcePicker form={form} name="serverIds" legend="Allowed servers" items={options.servers.map((s) => ({ id: s.id, label: s.name }))} />
      <p className="text-xs text-gray-600">Nothing listed means no access of that kind. Instances are also reachable through their project.</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" pending={form.formState.isSubmitting}>
          Save permissions
        </Button>
      </div>
    </form>
  );
}

function ResourcePicker({
  form,
  name,
  legend,
  items,
}: {
  form: ReturnType<typeof useForm<DialogValues>>;
  name: "projectIds" | "instanceIds" | "serverIds";
  legend: string;
  items: { id: string; label: string }[];
}) {
  const error = form.formState.errors[name]?.message;
  return (
    <fieldset>
      <legend className="text-sm font-semibold text-gray-900">{legend}</legend>
      {items.length === 0 ? <p className="mt-1 text-sm text-gray-600">None in this workspace.</p> : null}
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <div className="mt-1 grid grid-cols-2 gap-1">
            {items.map((item) => (
              <label key={item.id} className="flex items-center gap-2 text-sm text-gray-900">
                <input
                  type="checkbox"
                  className="size-4 accent-brand"
                  checked={field.value.includes(item.id)}
                  onChange={(e) => field.onChange(e.target.checked ? [...field.value, item.id] : field.value.filter((v) => v !== item.id))}
                />
                {item.label}
              </label>
            ))}
          </div>
        )}
      />
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
