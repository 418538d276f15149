"use client";

import { useState } from "react";
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
import { AiSettingsSchema, type AiSettingsInput } from "@/lib/ai/schemas";

const PROVIDER_OPTIONS = AI_PROVIDERS.map((p) => ({ value: p, label: PROVIDERS[p].label }));

export function AiSettingsForm({
  slug,
  current,
}: {
  slug: string;
  current: { provider: AiSettingsInput["provider"]; model: string; baseUrl: string | null; apiKeyHint: string | null } | null;
}) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; latencyMs: number } | null>(null);
  const settingsForm = useActionForm(AiSettingsSchema, (input) => saveAiSettingsAction(slug, input), {
    defaultValues: { provider: current?.provider ?? "ANTHROPIC", model: current?.model ?? "", apiKey: "", baseUrl: current?.baseUrl ?? "" },
    success: "AI settings saved",
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
        <FormField control={form.control} name="provider" render={(field) => <SelectField label="Provider" options={PROVIDER_OPTIONS} {...field} />} />
        <TextField label="Model" list="ai-model-suggestions" autoComplete="off" hint="Pick a suggestion or type any model name." error={errors.model?.message} {...form.register("model")} />
        <datalist id="ai-model-suggestions">
          {spec.models.map((m) => <option key={m} value={m} />)}
        </datalist>
        <TextField
          label="API key"
          type="password"
          autoComplete="off"
          placeholder={current?.apiKeyHint ? `Stored key ${current.apiKeyHint}; leave blank to keep it (same provider and URL only)` : spec.needsKey ? "Paste the key" : "Optional"}
          error={errors.apiKey?.message}
          {...form.register("apiKey")}
        />
        <TextField
          label={spec.defaultBaseUrl ? "Base URL (optional)" : "Base URL"}
          placeholder={spec.defaultBaseUrl ?? "http://localhost:11434"}
          hint="The server calls it: https, to a public address, unless your operator allowed the host (a local Ollama, say)."
          error={errors.baseUrl?.message}
          {...form.register("baseUrl")}
        />
        <SubmitButton>Save AI settings</SubmitButton>
      </ActionForm>
      {current ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-gray-200 pt-4">
          <p className="text-sm text-gray-800" data-testid="stored-key">{current.apiKeyHint ? `Stored key: ${current.apiKeyHint}` : "No key stored"}</p>
          <Button variant="secondary" pending={test.pending} onClick={() => test.run()}>
            Test connection
          </Button>
          {current.apiKeyHint ? (
            <ActionButton
              action={removeAiKeyAction}
              slug={slug}
              input={{}}
              variant="ghost"
              success="Key removed"
              confirm={{ title: "Remove the stored key?", description: "The key is deleted; calls that need it fail until you save a new one.", confirmLabel: "Remove key" }}
            >
              Remove key
            </ActionButton>
          ) : null}
        </div>
      ) : null}
      {shown ? (
        <p role="status" className={shown.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {shown.message}
          {shown.latencyMs ? ` (${shown.latencyMs} ms)` : ""}
        </p>
      ) : null}
    </div>
  );
}
