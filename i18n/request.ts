import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { LOCALE_COOKIE, isAppLocale, negotiateLocale } from "@/lib/i18n/locale";

/**
 * next-intl without locale routing: URLs carry no locale. The account's language arrives as the
 * `locale` cookie (set when it is saved and at sign-in, lib/i18n/cookie.ts), so no page pays a database
 * round trip for it; without the cookie the browser's Accept-Language decides, then English.
 */
export default getRequestConfig(async ({ locale: requested }) => {
  const locale = isAppLocale(requested)
    ? requested
    : negotiateLocale({ cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: (await headers()).get("accept-language") });
  // Times are shown in UTC across the app (pages and mails say so): the same on server and browser.
  return { locale, messages: CATALOGS[locale], timeZone: "UTC" };
});
