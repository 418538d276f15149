import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, isAppLocale } from "./locale";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Keeps the browser's `locale` cookie in step with the account's choice, so pages read the language from
 * the request instead of the database. Only entry points call this (saving the language, signing in):
 * lib/<domain> never touches cookies. Null ("follow the browser") removes it.
 */
export async function syncLocaleCookie(locale: string | null | undefined): Promise<void> {
  const jar = await cookies();
  if (isAppLocale(locale)) {
    jar.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: ONE_YEAR_SECONDS, httpOnly: true });
  } else {
    jar.delete(LOCALE_COOKIE);
  }
}
