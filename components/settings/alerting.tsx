"use client";

import { useState } from "react";
import { createAlertRuleAction, deleteAlertRuleAction, deleteChannelAction, saveChannelAction, sendTestAlertAction, toggleChannelAction } from "@/lib/alerting/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/resources/action-button";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { CheckboxListField } from "@/components/ui/checkbox-list";
import { SelectField } from "@/components/ui/select";
import { SwitchField } from "@/components/ui/switch";
import { ALERT_KINDS, ALERT_LABEL, AlertRuleSchema, channelSchema, type ChannelInput } from "@/lib/alerting/schemas";

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
  const [secret, setSecret] = useState<string | null>(null);
  const channelForm = useActionForm(channelSchema(() => allowPlainHttp), (input) => saveChannelAction(slug, input), {
    defaultValues: channel ? { name: channel.name, emails: channel.emails.join(", "), url: "" } : { kind: "WEBHOOK", name: "", emails: "", url: "" },
    // A channel keeps its kind, so editing does not offer it; a refusal about it is the form's to show.
    fixed: channel ? { channelId: channel.id, kind: channel.kind as ChannelInput["kind"] } : undefined,
    success: channel ? "Channel saved" : "Channel added",
    onSuccess: ({ signingSecret }) => (signingSecret ? setSecret(signingSecret) : onDone?.()),
    // Adding keeps the kind for the next channel; editing keeps what was saved.
    reset: channel ? "saved" : ({ kind }) => ({ kind, name: "", emails: "", url: "" }),
  });
  const { form } = channelForm;
  const kind = form.watch("kind");
  const errors = form.formState.errors;
  return (
    <ActionForm form={channelForm} className="space-y-3">
      {!channel ? (
        <FormField control={form.control} name="kind" render={(field) => <SelectField label="Kind" options={KIND_OPTIONS} {...field} />} />
      ) : null}
      <TextField label="Channel name" error={errors.name?.message} {...form.register("name")} />
      {kind === "EMAIL" ? (
        <TextAreaField label="Email addresses" hint="Separated by commas or new lines" error={errors.emails?.message} {...form.register("emails")} />
      ) : (
        <TextField
          label={kind === "SLACK" ? "Slack incoming-webhook URL" : "Webhook URL"}
          placeholder={channel ? "Leave blank to keep the current URL" : "https://"}
          hint="The server posts to it: https, to a public address, unless your operator allowed the host."
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
      <SubmitButton>{channel ? "Save channel" : "Add channel"}</SubmitButton>
    </ActionForm>
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
  const [outcome, setOutcome] = useState<{ ok: boolean; httpStatus: number | null; latencyMs: number; error: string | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const toggle = useAction((enabled: boolean) => toggleChannelAction(slug, { channelId: channel.id, enabled }));
  // A delivery attempt is logged, so the page refreshes to list it. A refusal (too many tests) shows
  // where the outcome would.
  const sendTest = useAction(() => sendTestAlertAction(slug, { channelId: channel.id }), { onSuccess: setOutcome, errors: "inline" });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-40">
          <SwitchField
            label="Enabled"
            checked={channel.enabled}
            onCheckedChange={toggle.run}
          />
        </div>
        <Button
          variant="secondary"
          pending={sendTest.pending}
          aria-label={`Send test to ${channel.name}`}
          onClick={() => sendTest.run()}
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
      {sendTest.error ? (
        <p role="status" className="text-sm text-red-800">{sendTest.error.message}</p>
      ) : outcome ? (
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
  const ruleForm = useActionForm(AlertRuleSchema, (input) => createAlertRuleAction(slug, input), {
    defaultValues: { kind: "INSTANCE_STOPPED", threshold: "", channelIds: [] },
    success: "Rule added",
    reset: ({ kind }) => ({ kind, threshold: "", channelIds: [] }),
  });
  const { form } = ruleForm;
  const kind = form.watch("kind");
  const errors = form.formState.errors;
  return (
    <ActionForm form={ruleForm} className="space-y-3">
      <FormField control={form.control} name="kind" render={(field) => <SelectField label="When" options={RULE_OPTIONS} {...field} />} />
      {kind === "BALANCE_BELOW" || kind === "QUOTA_ABOVE" ? (
        <TextField label={kind === "BALANCE_BELOW" ? "Amount (USD)" : "Percentage"} inputMode="decimal" error={errors.threshold?.message} {...form.register("threshold")} />
      ) : null}
      <FormField
        control={form.control}
        name="channelIds"
        render={(field) => <CheckboxListField legend="Send to" items={channels.map((c) => ({ value: c.id, label: c.name }))} {...field} />}
      />
      <SubmitButton>Add rule</SubmitButton>
    </ActionForm>
  );
}

export function DeleteRuleButton({ slug, ruleId, label }: { slug: string; ruleId: string; label: string }) {
  return (
    <ActionButton
      action={deleteAlertRuleAction}
      slug={slug}
      input={{ ruleId }}
      variant="ghost"
      label={`Delete rule: ${label}`}
      success="Rule deleted"
      confirm={{ title: `Delete the rule "${label}"?`, description: "Its channels stop getting this alert.", confirmLabel: "Delete rule" }}
    >
      Delete
    </ActionButton>
  );
}
