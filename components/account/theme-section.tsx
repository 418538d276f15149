"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Card } from "@/components/ui/card";
import type { Theme } from "@/generated/prisma/enums";
import { setThemePreferenceAction } from "@/lib/accounts/actions";
import { ThemePreferenceSchema } from "@/lib/accounts/schemas";
import { applyThemeClass, THEME_OPTIONS } from "@/lib/accounts/theme";

/** Light, dark or the device's setting; stored on the account, so every browser it signs in to shows it. */
export function ThemeSection({ theme }: { theme: Theme }) {
  const t = useTranslations("theme");
  const themeForm = useActionForm(ThemePreferenceSchema, setThemePreferenceAction, {
    defaultValues: { theme },
    reset: "saved",
    success: t("saved"),
    onSuccess: (data) => applyThemeClass(document.documentElement, data.theme),
  });
  const { form } = themeForm;
  return (
    <Card>
      <section aria-labelledby="theme-heading" className="space-y-4">
        <h2 id="theme-heading" className="font-semibold">
          {t("heading")}
        </h2>
        <ActionForm form={themeForm}>
          <fieldset className="space-y-2">
            <legend className="sr-only">{t("heading")}</legend>
            {THEME_OPTIONS.map((option) => (
              <label key={option} className="flex items-start gap-2 text-sm text-gray-900">
                <input type="radio" value={option} className="mt-0.5 accent-brand" {...form.register("theme")} />
                <span>
                  <span className="font-medium">{t(`options.${option}`)}</span>
                  <span className="block text-gray-700">{t(`descriptions.${option}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <SubmitButton>{t("save")}</SubmitButton>
        </ActionForm>
      </section>
    </Card>
  );
}
