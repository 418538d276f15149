import { DEFAULT_LOCALE, INTL_LOCALE, type AppLocale } from "./locale";

/**
 * Dates and money for a locale, for code that runs outside React (emails, PDFs, server-built labels).
 * Times are shown in UTC everywhere in this app (tables, logs and mails say "UTC"), so only the
 * spelling changes with the locale, never the instant.
 */

// Formatters by locale tag and options. An options object's key is built once (kept beside the object), so
// the options constants below cost two map reads a date (a list page formats some fifty) and no JSON.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const optionKeys = new WeakMap<Intl.DateTimeFormatOptions, string>();

/** A UTC date-time formatter for an Intl locale tag ("en-GB") and options, built once: building one costs far more than using it. */
export function utcDateTimeFormat(intlLocale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let optionKey = optionKeys.get(options);
  if (optionKey === undefined) {
    optionKey = JSON.stringify(options);
    optionKeys.set(options, optionKey);
  }
  const key = `${intlLocale}:${optionKey}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale, { timeZone: "UTC", ...options });
    dateTimeFormats.set(key, format);
  }
  return format;
}

const DATE_TIME: Record<AppLocale, Intl.DateTimeFormatOptions> = {
  en: { month: "short", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  de: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
};

const DATE: Record<AppLocale, Intl.DateTimeFormatOptions> = {
  en: { month: "short", day: "numeric", year: "numeric" },
  de: { day: "2-digit", month: "2-digit", year: "numeric" },
};

/** "Jan 21, 2026, 14:05 UTC" / "21.01.2026, 14:05 UTC". */
export function formatDateTime(date: Date, locale: AppLocale = DEFAULT_LOCALE): string {
  return `${utcDateTimeFormat(INTL_LOCALE[locale], DATE_TIME[locale]).format(date)} UTC`;
}

/** "Jan 21, 2026" / "21.01.2026". */
export function formatDate(date: Date, locale: AppLocale = DEFAULT_LOCALE): string {
  return utcDateTimeFormat(INTL_LOCALE[locale], DATE[locale]).format(date);
}

// Building an Intl formatter costs tens of microseconds, formatting with one about one: a billing page
// formats some seventy amounts, so the formatters are kept (a handful of locales and currencies).
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: AppLocale, currency?: string): Intl.NumberFormat {
  const key = `${locale}:${currency ?? ""}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], currency ? { style: "currency", currency } : undefined);
    numberFormats.set(key, format);
  }
  return format;
}

/** An amount in minor units (cents) as money: "$1,234.50" / "1.234,50 $". */
export function formatMoney(minor: number, currency = "USD", locale: AppLocale = DEFAULT_LOCALE): string {
  return numberFormat(locale, currency).format(minor / 100);
}

/** A count: "1,234" / "1.234". */
export function formatNumber(value: number, locale: AppLocale = DEFAULT_LOCALE): string {
  return numberFormat(locale).format(value);
}
