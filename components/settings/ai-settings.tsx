"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { removeAiKeyAction, saveAiSettingsAction, testAiConnectionAction } from "@/lib/ai/actions";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { AI_PROVIDERS, PROVIDERS } from "@/lib/ai/providers";
import { AiSettingsSchema, type AiSettingsInput } from "@/lib/ai/schemas";
import { applyActionResult } from "@/lib/forms";

export function AiSettingsForm({
  slug,
  current,
}: {
  slug: string;
  current: { provider: AiSettingsInput["provider"]; model: string; baseUrl: string | null; apiKeyHint: string | null } | null;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; latencyMs: number } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<AiSettingsInput>({
    resolver: zodResolver(AiSettingsSchema),
    defaultValues: { provider: current?.provider ?? "ANTHROPIC", model: current?.model ?? "", apiKey: "", baseUrl: current?.baseUrl ?? "" },
  });
  const provider = form.watch("provider");
  const spec = PROVIDERS[provider];
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await saveAiSettingsAction(slug, form.getValues());
    if (!result.ok) return setFormError(applyActionResult(result, form.setError, ["provider", "model", "apiKey", "baseUrl"]));
    toast.success("AI settings saved");
    form.setValue("apiKey", "");
    router.refresh();
  });
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <FormError message={formError} />
        <Controller
          control={form.control}
          name="provider"
          render={({ field }) => (
            <SelectField label="Provider" value={field.value} onChange={field.onChange} options={AI_PROVIDERS.map((p) => ({ value: p, label: PROVIDERS[p].label }))} error={errors.provider?.message} />
          )}
        />
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
          error={errors.baseUrl?.message}
          {...form.register("baseUrl")}
        />
        <Button type="submit" pending={form.formState.isSubmitting}>Save AI settings</Button>
      </form>
      {current ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-gray-200 pt-4">
          <p className="text-sm text-gray-800" data-testid="stored-key">{current.apiKeyHint ? `Stored key: ${current.apiKeyHint}` : "No key stored"}</p>
          <Button
            variant="secondary"
            pending={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await testAiConnectionAction(slug, {});
                if (!result.ok) return setOutcome({ ok: false, message: result.error, latencyMs: 0 });
                setOutcome(result.data);
              })
            }
          >
            Test connection
          </Button>
          {current.apiKeyHint ? (
            <Button
              variant="ghost"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await removeAiKeyAction(slug, {});
                  if (!result.ok) return void toast.error(result.error);
                  toast.success("Key removed");
                  router.refresh();
                })
              }
            >
              Remove key
            </Button>
          ) : null}
        </div>
      ) : null}
      {outcome ? (
        <p role="status" className={outcome.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {outcome.message}
          {outcome.latencyMs ? ` (${outcome.latencyMs} ms)` : ""}
        </p>
      ) : null}
    </div>
  );
}
