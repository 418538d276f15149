"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxListField } from "@/components/ui/checkbox-list";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select";
import { TextAreaField, TextField } from "@/components/ui/field";
import { SwitchField } from "@/components/ui/switch";
import { GRANTABLE_KEYS, permissionMessageId } from "@/lib/authz/permissions";
import { messageKey } from "@/lib/i18n/message-key";
import type { ActionResult } from "@/lib/errors";
import { EXPIRY_CHOICES, optionalExpiryFields, refineExpiry } from "@/lib/roles/expiry";
import { GrantFieldsSchema, TEAM_FLOORS } from "@/lib/teams/schemas";
import { useFormatExpiry } from "./expiry-text";

export interface GrantOptions {
  projects: { id: string; name: string }[];
  instances: { id: string; name: string; environment: string }[];
  servers: { id: string; name: string }[];
}

// One schema for the three uses (member, team, custom role); each action parses its own, stricter one.
const DialogSchema = GrantFieldsSchema.extend({
  roleFloor: z.enum(TEAM_FLOORS).optional(),
  name: z.string().trim().min(2, messageKey("validation.roles.nameTooShort", { min: 2 })).max(48, messageKey("validation.roles.nameTooLong", { max: 48 })).optional(),
  description: z.string().trim().max(200, messageKey("validation.roles.descriptionTooLong", { max: 200 })).optional(),
  ...optionalExpiryFields,
}).superRefine(refineExpiry);
export type DialogValues = z.input<typeof DialogSchema>;

const FLOORS = ["NONE", "VIEWER", "DEVELOPER"] as const;

const SECTION = "text-sm font-semibold text-gray-900";

/** The allow-lists, one set of checkboxes each. */
const PICKERS: { name: "projectIds" | "instanceIds" | "serverIds"; items: (options: GrantOptions) => { value: string; label: string }[] }[] = [
  { name: "projectIds", items: (o) => o.projects.map((p) => ({ value: p.id, label: p.name })) },
  { name: "instanceIds", items: (o) => o.instances.map((i) => ({ value: i.id, label: `${i.name} (${i.environment.toLowerCase()})` })) },
  { name: "serverIds", items: (o) => o.servers.map((s) => ({ value: s.id, label: s.name })) },
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
  children,
  ...save
}: SaveProps<T> &
  FormParts & {
    open: boolean;
    onOpenChange: (open: boolean) => void;
    title: string;
    description: string;
    data: PermissionsDialogData | null;
    loadError?: string | null;
    /** More of the modal after the form (custom roles, "Why"): separate forms, never nested in this one. */
    children?: ReactNode;
  }) {
  const t = useTranslations("permissions.dialog");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {data ? (
        <div className="space-y-6">
          <PermissionsForm data={data} {...save} close={() => onOpenChange(false)} />
          {children}
        </div>
      ) : loadError ? (
        <p role="alert" className="text-sm text-red-700">{loadError}</p>
      ) : (
        <p role="status" className="text-sm text-gray-700">{t("loading")}</p>
      )}
    </Dialog>
  );
}

interface FormParts {
  withRoleFloor?: boolean;
  /** A custom role's name and description above the toggles. */
  withName?: boolean;
  /** How long the grant lasts; `current` is its stored expiry (ISO), offered as "keep". */
  withExpiry?: { current: string | null };
  submitLabel?: string;
}

function PermissionsForm<T>({
  data: { initial, options },
  withRoleFloor,
  withName,
  withExpiry,
  submitLabel,
  action,
  success,
  close,
}: SaveProps<T> &
  FormParts & {
    data: PermissionsDialogData;
    close: () => void;
  }) {
  const t = useTranslations("permissions");
  const formatExpiry = useFormatExpiry();
  const expiryDefault = withExpiry ? { expiry: withExpiry.current ? ("keep" as const) : ("never" as const), until: "" } : {};
  const permissionsForm = useActionForm(DialogSchema, action, { defaultValues: { ...expiryDefault, ...initial }, success, onSuccess: close, reset: "saved" });
  const { form } = permissionsForm;
  const errors = form.formState.errors;
  const expiry = form.watch("expiry");
  const expiryOptions = [
    ...(withExpiry?.current ? [{ value: "keep", label: t("expiry.keep", { until: formatExpiry(withExpiry.current) }) }] : []),
    ...EXPIRY_CHOICES.map((c) => ({ value: c, label: t(`expiry.choices.${c}`) })),
  ];

  return (
    <ActionForm form={permissionsForm} className="space-y-5">
      {withName ? (
        <>
          <TextField label={t("dialog.name")} autoComplete="off" error={errors.name?.message} {...form.register("name")} />
          <TextAreaField label={t("dialog.description")} error={errors.description?.message} {...form.register("description")} />
        </>
      ) : null}
      {withRoleFloor ? (
        <FormField control={form.control} name="roleFloor" render={({ value, ...field }) => <SelectField label={t("dialog.roleFloor")} options={FLOORS.map((floor) => ({ value: floor, label: t(`dialog.floors.${floor}`) }))} value={value ?? "NONE"} {...field} />} />
      ) : null}
      <FormField
        control={form.control}
        name="actions"
        render={({ value, onChange, error }) => (
          <fieldset>
            <legend className={SECTION}>{t("dialog.actions")}</legend>
            <div className="divide-y divide-gray-100">
              {GRANTABLE_KEYS.map((key) => (
                <SwitchField
                  key={key}
                  label={t(`keys.${permissionMessageId(key)}.label`)}
                  description={t(`keys.${permissionMessageId(key)}.description`)}
                  checked={value.includes(key)}
                  onCheckedChange={(on) => onChange(on ? [...value, key] : value.filter((k) => k !== key))}
                />
              ))}
            </div>
            {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
          </fieldset>
        )}
      />
      {PICKERS.map(({ name, items }) => (
        <FormField
          key={name}
          control={form.control}
          name={name}
          render={(field) => <CheckboxListField legend={t(`dialog.pickers.${name}`)} legendClassName={SECTION} items={items(options)} empty={t("dialog.noneInWorkspace")} className="mt-1 grid grid-cols-2 gap-1" {...field} />}
        />
      ))}
      <p className="text-xs text-gray-600">{t("dialog.hint")}</p>
      {withExpiry ? (
        <>
          <FormField control={form.control} name="expiry" render={({ value, ...field }) => <SelectField label={t("dialog.lasts")} options={expiryOptions} value={value ?? "never"} {...field} />} />
          {expiry === "date" ? <TextField label={t("dialog.lastDay")} type="date" error={errors.until?.message} {...form.register("until")} /> : null}
        </>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close}>
          {t("dialog.cancel")}
        </Button>
        <SubmitButton>{submitLabel ?? t("dialog.save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
