"use client";

import { Suspense, useState } from "react";
import { useTranslations } from "next-intl";
import { createAlertRuleAction, deleteAlertRuleAction, deleteChannelAction, saveChannelAction, sendTestAlertAction, toggleChannelAction } from "@/lib/alerting/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/resources/action-button";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { CheckboxListField } from "@/components/ui/checkbox-list";
import { SelectField } from "@/components/ui/select";
import { SwitchField } from "@/components/ui/switch";
import { translateMessage } from "@/lib/i18n/message-key";
import { ALERT_KINDS, CHANNEL_KINDS } from "@/lib/alerting/kinds";
import type { AlertRuleSchema, ChannelInput, channelSchema } from "@/lib/alerting/schemas";
import { lazyNamed } from "@/components/ui/lazy-named";

// The edit dialog (Radix) loads on the first Edit, not with the page.
const Dialog = lazyNamed(() => import("@/components/ui/dialog"), "Dialog");

// zod and the schemas load after the page (components/forms/use-action-form.ts).
const schemas = () => import("@/lib/alerting/schemas");
const loadAlertRuleSchema = (): Promise<typeof AlertRuleSchema> => schemas().then((m) => m.AlertRuleSchema);

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
  const t = useTranslations("alerting.form");
  const a = useTranslations("alerting");
  const [secret, setSecret] = useState<string | null>(null);
  const channelForm = useActionForm((): Promise<ReturnType<typeof channelSchema>> => schemas().then((m) => m.channelSchema(() => allowPlainHttp)), (input) => saveChannelAction(slug, input), {
    defaultValues: channel ? { name: channel.name, emails: channel.emails.join(", "), url: "" } : { kind: "WEBHOOK", name: "", emails: "", url: "" },
    // A channel keeps its kind, so editing does not offer it; a refusal about it is the form's to show.
    fixed: channel ? { channelId: channel.id, kind: channel.kind as ChannelInput["kind"] } : undefined,
    success: channel ? t("channelSaved") : t("channelAdded"),
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
        <FormField control={form.control} name="kind" render={(field) => <SelectField label={t("kind")} options={CHANNEL_KINDS.map((k) => ({ value: k, label: a(`channelKindOptions.${k}`) }))} {...field} />} />
      ) : null}
      <TextField label={t("channelName")} error={errors.name?.message} {...form.register("name")} />
      {kind === "EMAIL" ? (
        <TextAreaField label={t("emails")} hint={t("emailsHint")} error={errors.emails?.message} {...form.register("emails")} />
      ) : (
        <TextField
          label={kind === "SLACK" ? t("slackUrl") : t("webhookUrl")}
          placeholder={channel ? t("keepUrl") : "https://"}
          hint={t("urlHint")}
          error={errors.url?.message}
          {...form.register("url")}
        />
      )}
      {secret ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">{t("signingSecret")}</p>
          <code className="mt-1 block break-all" data-testid="signing-secret">{secret}</code>
        </div>
      ) : null}
      <SubmitButton>{channel ? t("saveChannel") : t("addChannel")}</SubmitButton>
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
  const t = useTranslations("alerting.form");
  const root = useTranslations();
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
            label={t("enabled")}
            checked={channel.enabled}
            onCheckedChange={toggle.run}
          />
        </div>
        <Button
          variant="secondary"
          pending={sendTest.pending}
          aria-label={t("sendTestTo", { name: channel.name })}
          onClick={() => sendTest.run()}
        >
          {t("sendTest")}
        </Button>
        <Button variant="ghost" onClick={() => setEditing(true)} aria-label={t("editChannel", { name: channel.name })}>{t("edit")}</Button>
        <ActionButton
          action={deleteChannelAction}
          slug={slug}
          input={{ channelId: channel.id }}
          variant="ghost"
          label={t("deleteChannel", { name: channel.name })}
          success={t("channelDeleted")}
          confirm={{ title: t("deleteChannelTitle", { name: channel.name }), description: t("deleteChannelDescription"), confirmLabel: t("deleteChannelConfirm") }}
        >
          {t("delete")}
        </ActionButton>
      </div>
      {sendTest.error ? (
        <p role="status" className="text-sm text-red-800">{translateMessage(root, sendTest.error.message)}</p>
      ) : outcome ? (
        <p role="status" className={outcome.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {outcome.ok ? t("delivered") : t("failed")}
          {outcome.httpStatus ? ` · HTTP ${outcome.httpStatus}` : ""} · {outcome.latencyMs} ms
          {outcome.error ? ` · ${outcome.error}` : ""}
        </p>
      ) : null}
      {editing ? (
        <Suspense fallback={null}>
          <Dialog open onOpenChange={setEditing} title={t("editChannel", { name: channel.name })}>
            <ChannelForm slug={slug} allowPlainHttp={allowPlainHttp} channel={channel} onDone={() => setEditing(false)} />
          </Dialog>
        </Suspense>
      ) : null}
    </div>
  );
}

export function AlertRuleForm({ slug, channels }: { slug: string; channels: { id: string; name: string }[] }) {
  const t = useTranslations("alerting.form");
  const a = useTranslations("alerting");
  const ruleForm = useActionForm(loadAlertRuleSchema, (input) => createAlertRuleAction(slug, input), {
    defaultValues: { kind: "INSTANCE_STOPPED", threshold: "", channelIds: [] },
    success: t("ruleAdded"),
    reset: ({ kind }) => ({ kind, threshold: "", channelIds: [] }),
  });
  const { form } = ruleForm;
  const kind = form.watch("kind");
  const errors = form.formState.errors;
  return (
    <ActionForm form={ruleForm} className="space-y-3">
      <FormField control={form.control} name="kind" render={(field) => <SelectField label={t("when")} options={ALERT_KINDS.map((k) => ({ value: k, label: a(`kinds.${k}`) }))} {...field} />} />
      {kind === "BALANCE_BELOW" || kind === "QUOTA_ABOVE" ? (
        <TextField label={kind === "BALANCE_BELOW" ? t("amount") : t("percentage")} inputMode="decimal" error={errors.threshold?.message} {...form.register("threshold")} />
      ) : null}
      <FormField
        control={form.control}
        name="channelIds"
        render={(field) => <CheckboxListField legend={t("sendTo")} items={channels.map((c) => ({ value: c.id, label: c.name }))} {...field} />}
      />
      <SubmitButton>{t("addRule")}</SubmitButton>
    </ActionForm>
  );
}

export function DeleteRuleButton({ slug, ruleId, label }: { slug: string; ruleId: string; label: string }) {
  const t = useTranslations("alerting.form");
  return (
    <ActionButton
      action={deleteAlertRuleAction}
      slug={slug}
      input={{ ruleId }}
      variant="ghost"
      label={t("deleteRule", { label })}
      success={t("ruleDeleted")}
      confirm={{ title: t("deleteRuleTitle", { label }), description: t("deleteRuleDescription"), confirmLabel: t("deleteRuleConfirm") }}
    >
      {t("delete")}
    </ActionButton>
  );
}
