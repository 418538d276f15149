"use client";

import { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxListField } from "@/components/ui/checkbox-list";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select";
import { SwitchField } from "@/components/ui/switch";
import { GRANTABLE_KEYS, PERMISSIONS } from "@/lib/authz/permissions";
import type { ActionResult } from "@/lib/errors";
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

const SECTION = "text-sm font-semibold text-gray-900";

/** The allow-lists, one set of checkboxes each. */
const PICKERS: { name: "projectIds" | "instanceIds" | "serverIds"; legend: string; items: (options: GrantOptions) => { value: string; label: string }[] }[] = [
  { name: "projectIds", legend: "Allowed projects", items: (o) => o.projects.map((p) => ({ value: p.id, label: p.name })) },
  { name: "instanceIds", legend: "Allowed instances", items: (o) => o.instances.map((i) => ({ value: i.id, label: `${i.name} (${i.environment.toLowerCase()})` })) },
  { name: "serverIds", legend: "Allowed servers", items: (o) => o.servers.map((s) => ({ value: s.id, label: s.name })) },
];

export interface PermissionsDialogData {
  initial: DialogValues;
  options: GrantOptions;
}

interface SaveProps<T> {
  /** Saves the grant: the member's or the team's action, whose schema extends the same grant fields. */
  action: (values: DialogValues) => Promise<ActionResult<T>>;
  success: string;
}

/**
 * The permissions modal, for a member or a team: action toggles and resource allow-lists in one
 * form. The same zod fields are parsed again by the server action that saves it. Its data may arrive
 * after it opens (`data` null meanwhile), so the dialog and its focus stay put while it loads.
 */
export function PermissionsDialog<T>({
  open,
  onOpenChange,
  title,
  description,
  data,
  loadError,
  withRoleFloor,
  ...save
}: SaveProps<T> & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  data: PermissionsDialogData | null;
  loadError?: string | null;
  withRoleFloor?: boolean;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {data ? (
        <PermissionsForm data={data} withRoleFloor={withRoleFloor} {...save} close={() => onOpenChange(false)} />
      ) : loadError ? (
        <p role="alert" className="text-sm text-red-700">{loadError}</p>
      ) : (
        <p role="status" className="text-sm text-gray-700">Loading permissions…</p>
      )}
    </Dialog>
  );
}

function PermissionsForm<T>({
  data: { initial, options },
  withRoleFloor,
  action,
  success,
  close,
}: SaveProps<T> & {
  data: PermissionsDialogData;
  withRoleFloor?: boolean;
  close: () => void;
}) {
  const permissionsForm = useActionForm(DialogSchema, action, { defaultValues: initial, success, onSuccess: close, reset: "saved" });
  const { form } = permissionsForm;

  return (
    <ActionForm form={permissionsForm} className="space-y-5">
      {withRoleFloor ? (
        <FormField control={form.control} name="roleFloor" render={({ value, ...field }) => <SelectField label="Role floor" options={FLOOR_OPTIONS} value={value ?? "NONE"} {...field} />} />
      ) : null}
      <FormField
        control={form.control}
        name="actions"
        render={({ value, onChange, error }) => (
          <fieldset>
            <legend className={SECTION}>Actions</legend>
            <div className="divide-y divide-gray-100">
              {GRANTABLE_KEYS.map((key) => (
                <SwitchField
                  key={key}
                  label={PERMISSIONS[key].label}
                  description={PERMISSIONS[key].description}
                  checked={value.includes(key)}
                  onCheckedChange={(on) => onChange(on ? [...value, key] : value.filter((k) => k !== key))}
                />
              ))}
            </div>
            {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
          </fieldset>
        )}
      />
      {PICKERS.map(({ name, legend, items }) => (
        <FormField
          key={name}
          control={form.control}
          name={name}
          render={(field) => <CheckboxListField legend={legend} legendClassName={SECTION} items={items(options)} empty="None in this workspace." className="mt-1 grid grid-cols-2 gap-1" {...field} />}
        />
      ))}
      <p className="text-xs text-gray-600">Nothing listed means no access of that kind. Instances are also reachable through their project.</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <SubmitButton>Save permissions</SubmitButton>
      </div>
    </ActionForm>
  );
}
