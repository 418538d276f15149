import { useLocale, useTranslations } from "next-intl";
import { utcDateTimeFormat } from "@/lib/i18n/format";

// The day-first English spelling ("1 Dec 2026, 14:00") the pages have always shown; German as 01.12.2026.
const SPELLING: Record<string, string> = { en: "en-GB", de: "de-DE" };
const EXPIRY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };

/** "1 Dec 2026, 14:00 UTC" in the reader's language: an expiry's instant, always in UTC. */
export function expiryInstant(iso: string, locale: string): string {
  const format = utcDateTimeFormat(SPELLING[locale] ?? "en-GB", EXPIRY);
  return `${format.format(new Date(iso))} UTC`;
}

/** "until 1 Dec 2026, 14:00 UTC": one way to write an expiry wherever a grant's end is shown. */
export function useFormatExpiry(): (iso: string) => string {
  const t = useTranslations("permissions.expiry");
  const locale = useLocale();
  return (iso) => t("until", { when: expiryInstant(iso, locale) });
}
