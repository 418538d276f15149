/**
 * Which language a request is answered in. Pure, so the rules are unit-tested without a request:
 * the account's choice (carried by the `locale` cookie, see README "Languages"), else the browser's
 * Accept-Language, else English.
 */

export const LOCALES = ["en", "de"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/** Set when an account with a chosen language signs in or saves it; absent means "follow the browser". */
export const LOCALE_COOKIE = "locale";

/** The names in the language picker, each in its own language (a person lost in German still finds "English"). */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", de: "Deutsch" };

/** The BCP 47 tag the Intl formatters get: dates as 21.01.2026 in German, 1/21/2026 in English. */
export const INTL_LOCALE: Record<AppLocale, string> = { en: "en-US", de: "de-DE" };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4): ranges by q-value, highest
 * first, ties in the order written; "de-AT" matches "de"; q=0 means "not this one"; "*" says nothing
 * about which, so it falls through to the default. Null when nothing matches.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0 && range.language !== "")
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) if (isAppLocale(range.language)) return range.language;
  return null;
}

/** The locale for a request: a valid cookie wins, then the browser's languages, then English. */
export function negotiateLocale(request: { cookie?: string | null; acceptLanguage?: string | null }): AppLocale {
  if (isAppLocale(request.cookie)) return request.cookie;
  return localeFromAcceptLanguage(request.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** A stored User.locale as the language to write to that person in; null (follow the browser) is English for mail. */
export function recipientLocale(stored: string | null | undefined): AppLocale {
  return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
}
