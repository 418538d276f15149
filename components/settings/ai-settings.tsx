"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { removeAiKeyAction, saveAiSettingsAction, testAiConnectionAction } from "@/lib/ai/actions";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { FormField } from "@/components/forms/fields";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/resources/action-button";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { AI_PROVIDERS, PROVIDERS } from "@/lib/ai/providers";
import { translateMessage } from "@/lib/i18n/message-key";
import { AiSettingsSchema, type AiSettingsInput } from "@/lib/ai/schemas";

export function AiSettingsForm({
  slug,
  current,
}: {
  slug: string;
  current: { provider: AiSettingsInput["provider"]; model: string; baseUrl: string | null; apiKeyHint: string | null } | null;
}) {
  const t = useTranslations("ai");
  const f = useTranslations("ai.form");
  const root = useTranslations();
  const providerOptions = AI_PROVIDERS.map((p) => ({ value: p, label: p === "CUSTOM" ? t("providers.CUSTOM") : PROVIDERS[p].label }));
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; latencyMs: number } | null>(null);
  const settingsForm = useActionForm(AiSettingsSchema, (input) => saveAiSettingsAction(slug, input), {
    defaultValues: { provider: current?.provider ?? "ANTHROPIC", model: current?.model ?? "", apiKey: "", baseUrl: current?.baseUrl ?? "" },
    success: f("saved"),
    // The key is never shown again once stored; the rest stays as saved.
    reset: (saved) => ({ ...saved, apiKey: "" }),
  });
  const test = useAction(() => testAiConnectionAction(slug, {}), { errors: "inline", onSuccess: setOutcome, refresh: false });
  const { form } = settingsForm;
  const provider = form.watch("provider");
  const spec = PROVIDERS[provider];
  const errors = form.formState.errors;
  const shown = test.error ? { ok: false, message: test.error.message, latencyMs: 0 } : outcome;
  return (
    <div className="space-y-4">
      <ActionForm form={settingsForm} className="space-y-3">
        <FormField control={form.control} name="provider" render={(field) => <SelectField label={f("provider")} options={providerOptions} {...field} />} />
        <TextField label={f("model")} list="ai-model-suggestions" autoComplete="off" hint={f("modelHint")} error={errors.model?.message} {...form.register("model")} />
        <datalist id="ai-model-suggestions">
          {spec.models.map((m) => <option key={m} value={m} />)}
        </datalist>
        <TextField
          label={f("apiKey")}
          type="password"
          autoComplete="off"
          placeholder={current?.apiKeyHint ? f("storedKeyPlaceholder", { hint: current.apiKeyHint }) : spec.needsKey ? f("pasteKey") : f("optional")}
          error={errors.apiKey?.message}
          {...form.register("apiKey")}
        />
        <TextField
          label={spec.defaultBaseUrl ? f("baseUrlOptional") : f("baseUrl")}
          placeholder={spec.defaultBaseUrl ?? "http://localhost:11434"}
          hint={f("baseUrlHint")}
          error={errors.baseUrl?.message}
          {...form.register("baseUrl")}
        />
        <SubmitButton>{f("save")}</SubmitButton>
      </ActionForm>
      {current ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-gray-200 pt-4">
          <p className="text-sm text-gray-800" data-testid="stored-key">{current.apiKeyHint ? f("storedKey", { hint: current.apiKeyHint }) : f("noKey")}</p>
          <Button variant="secondary" pending={test.pending} onClick={() => test.run()}>
            {f("test")}
          </Button>
          {current.apiKeyHint ? (
            <ActionButton
              action={removeAiKeyAction}
              slug={slug}
              input={{}}
              variant="ghost"
              success={f("keyRemoved")}
              confirm={{ title: f("removeTitle"), description: f("removeDescription"), confirmLabel: f("removeKey") }}
            >
              {f("removeKey")}
            </ActionButton>
          ) : null}
        </div>
      ) : null}
      {shown ? (
        <p role="status" className={shown.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {translateMessage(root, shown.message)}
          {shown.latencyMs ? ` ${f("latency", { ms: shown.latencyMs })}` : ""}
        </p>
      ) : null}
    </div>
  );
}
