"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { setLocalePreferenceAction } from "@/lib/accounts/actions";
import { LOCALE_NAMES, LOCALES, type AppLocale } from "@/lib/i18n/locale";

type Choice = AppLocale | "browser";

/** The account's language for pages and mail; "Browser default" follows each browser's own setting. */
export function LanguageSection({ locale }: { locale: AppLocale | null }) {
  const t = useTranslations("account.language");
  const [choice, setChoice] = useState<Choice>(locale ?? "browser");
  // The page then renders again in the new language (the action set the cookie); the toast still speaks the old one.
  const save = useAction(setLocalePreferenceAction, { errors: "inline", success: t("saved") });
  const options: { value: Choice; label: string; lang?: string }[] = [
    ...LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value], lang: value })),
    { value: "browser", label: t("browser") },
  ];
  return (
    <Card>
      <section aria-labelledby="language-heading" className="space-y-3">
        <h2 id="language-heading" className="font-semibold">
          {t("heading")}
        </h2>
        <form
          method="post"
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            save.run({ locale: choice === "browser" ? null : choice });
          }}
        >
          <FormError error={save.error} />
          <fieldset className="space-y-2">
            <legend className="text-sm text-gray-800">{t("intro")}</legend>
            {options.map((option) => (
              <label key={option.value} className="flex items-center gap-2 text-sm text-gray-900">
                <input
                  type="radio"
                  name="locale"
                  value={option.value}
                  checked={choice === option.value}
                  onChange={() => setChoice(option.value)}
                />
                <span lang={option.lang}>{option.label}</span>
              </label>
            ))}
          </fieldset>
          <Button type="submit" variant="secondary" pending={save.pending}>
            {save.pending ? t("submitting") : t("submit")}
          </Button>
        </form>
      </section>
    </Card>
  );
}
