"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { createAlertRuleAction, deleteAlertRuleAction, deleteChannelAction, saveChannelAction, sendTestAlertAction, toggleChannelAction } from "@/lib/alerting/actions";
import { ActionButton } from "@/components/resources/action-button";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextAreaField, TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { SwitchField } from "@/components/ui/switch";
import { ALERT_KINDS, ALERT_LABEL, AlertRuleSchema, channelSchema, type AlertRuleInput, type ChannelInput, type ChannelOutput } from "@/lib/alerting/schemas";
import { applyActionResult } from "@/lib/forms";

const KIND_OPTIONS = [
  { value: "EMAIL", label: "Email" },
  { value: "SLACK", label: "Slack" },
  { value: "WEBHOOK", label: "Webhook" },
];

export function ChannelForm({
  slug,
  allowPlainHttp,
  channel,
  onDone,
}: {
  slug: string;
  allowPlainHttp: boolean;
  channel?: { id: string; kind: string; name: string; emails: string[] };
  onDone?: () => void;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<ChannelInput, unknown, ChannelOutput>({
    resolver: zodResolver(channelSchema(() => allowPlainHttp)),
    defaultValues: channel
      ? { channelId: channel.id, kind: channel.kind as ChannelInput["kind"], name: channel.name, emails: channel.emails.join(", "), url: "" }
      : { kind: "WEBHOOK", name: "", emails: "", url: "" },
  });
  const kind = form.watch("kind");
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await saveChannelAction(slug, form.getValues());
    if (!result.ok) return setFormError(applyActionResult(result, form.setError, ["kind", "name", "emails", "url"]));
    toast.success(channel ? "Channel saved" : "Channel added");
    if (result.data.signingSecret) setSecret(result.data.signingSecret);
    else onDone?.();
    if (!channel) form.reset({ kind, name: "", emails: "", url: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formError} />
      {!channel ? (
        <Controller control={form.control} name="kind" render={({ field }) => <SelectField label="Kind" value={field.value} onChange={field.onChange} options={KIND_OPTIONS} error={errors.kind?.message} />} />
      ) : null}
      <TextField label="Channel name" error={errors.name?.message} {...form.register("name")} />
      {kind === "EMAIL" ? (
        <TextAreaField label="Email addresses" hint="Separated by commas or new lines" error={errors.emails?.message} {...form.register("emails")} />
      ) : (
        <TextField
          label={kind === "SLACK" ? "Slack incoming-webhook URL" : "Webhook URL"}
          placeholder={channel ? "Leave blank to keep the current URL" : "https://"}
          error={errors.url?.message}
          {...form.register("url")}
        />
      )}
      {secret ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">Signing secret (shown once; configure your receiver with it):</p>
          <code className="mt-1 block break-all" data-testid="signing-secret">{secret}</code>
        </div>
      ) : null}
      <Button type="submit" pending={form.formState.isSubmitting}>{channel ? "Save channel" : "Add channel"}</Button>
    </form>
  );
}

export function ChannelControls({
  slug,
  allowPlainHttp,
  channel,
}: {
  slug: string;
  allowPlainHttp: boolean;
  channel: { id: string; kind: string; name: string; enabled: boolean; emails: string[] };
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; httpStatus: number | null; latencyMs: number; error: string | null } | null>(null);
  const [editing, setEditing] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-40">
          <SwitchField
            label="Enabled"
            checked={channel.enabled}
            onCheckedChange={(enabled) =>
              startTransition(async () => {
                const result = await toggleChannelAction(slug, { channelId: channel.id, enabled });
                if (!result.ok) toast.error(result.error);
                router.refresh();
              })
            }
          />
        </div>
        <Button
          variant="secondary"
          pending={pending}
          aria-label={`Send test to ${channel.name}`}
          onClick={() =>
            startTransition(async () => {
              const result = await sendTestAlertAction(slug, { channelId: channel.id });
              if (!result.ok) return void toast.error(result.error);
              setOutcome(result.data);
              router.refresh();
            })
          }
        >
          Send test
        </Button>
        <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit ${channel.name}`}>Edit</Button>
        <ActionButton
          action={deleteChannelAction}
          slug={slug}
          input={{ channelId: channel.id }}
          variant="ghost"
          label={`Delete ${channel.name}`}
          success="Channel deleted"
          confirm={{ title: `Delete ${channel.name}?`, description: "Its delivery log goes with it; rules stop sending to it.", confirmLabel: "Delete channel" }}
        >
          Delete
        </ActionButton>
      </div>
      {outcome ? (
        <p role="status" className={outcome.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {outcome.ok ? "Delivered" : "Failed"}
          {outcome.httpStatus ? ` · HTTP ${outcome.httpStatus}` : ""} · {outcome.latencyMs} ms
          {outcome.error ? ` · ${outcome.error}` : ""}
        </p>
      ) : null}
      <Dialog open={editing} onOpenChange={setEditing} title={`Edit ${channel.name}`}>
        <ChannelForm slug={slug} allowPlainHttp={allowPlainHttp} channel={channel} onDone={() => setEditing(false)} />
      </Dialog>
    </div>
  );
}

const RULE_OPTIONS = ALERT_KINDS.map((k) => ({ value: k, label: ALERT_LABEL[k] }));

export function AlertRuleForm({ slug, channels }: { slug: string; channels: { id: string; name: string }[] }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AlertRuleInput>({
    resolver: zodResolver(AlertRuleSchema) as never,
    defaultValues: { kind: "INSTANCE_STOPPED", threshold: "", channelIds: [] },
  });
  const kind = form.watch("kind");
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await createAlertRuleAction(slug, form.getValues());
    if (!result.ok) return setFormError(applyActionResult(result, form.setError, ["kind", "threshold", "channelIds"]));
    toast.success("Rule added");
    form.reset({ kind, threshold: "", channelIds: [] });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formError} />
      <Controller control={form.control} name="kind" render={({ field }) => <SelectField label="When" value={field.value} onChange={field.onChange} options={RULE_OPTIONS} error={errors.kind?.message} />} />
      {kind === "BALANCE_BELOW" || kind === "QUOTA_ABOVE" ? (
        <TextField label={kind === "BALANCE_BELOW" ? "Amount (USD)" : "Percentage"} inputMode="decimal" error={errors.threshold?.message} {...form.register("threshold")} />
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">Send to</legend>
        <Controller
          control={form.control}
          name="channelIds"
          render={({ field }) => (
            <div className="mt-1 space-y-1">
              {channels.map((c) => (
                <label key={c.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 accent-brand"
                    checked={field.value.includes(c.id)}
                    onChange={(e) => field.onChange(e.target.checked ? [...field.value, c.id] : field.value.filter((v) => v !== c.id))}
                  />
                  {c.name}
                </label>
              ))}
            </div>
          )}
        />
        {errors.channelIds?.message ? <p role="alert" className="text-sm text-red-700">{errors.channelIds.message}</p> : null}
      </fieldset>
      <Button type="submit" pending={form.formState.isSubmitting}>Add rule</Button>
    </form>
  );
}

export function DeleteRuleButton({ slug, ruleId, label }: { slug: string; ruleId: string; label: string }) {
  return (
    <ActionButton action={deleteAlertRuleAction} slug={slug} input={{ ruleId }} variant="ghost" label={`Delete rule: ${label}`} success="Rule deleted">
      Delete
    </ActionButton>
  );
}
