import { LOCALE_COOKIE, negotiateLocale, type AppLocale } from "./locale";

/**
 * The language a route handler answers a browser in (a downloaded PDF, say), from the request it was
 * given: the same rule as pages (i18n/request.ts), for code that has the Request rather than next/headers.
 */
export function requestLocale(request: Request): AppLocale {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return negotiateLocale({ cookie: cookie ? decodeURIComponent(cookie) : null, acceptLanguage: request.headers.get("accept-language") });
}
