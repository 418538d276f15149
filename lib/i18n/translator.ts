// use-intl/core, not next-intl: the mail is rendered by scripts and the worker too, where next-intl's React
// entry points cannot load (a react-server build of React has no createContext).
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { CATALOGS } from "./catalogs";
import type { AppLocale } from "./locale";
import { translateMessage, type RootTranslator } from "./message-key";

type Messages = (typeof CATALOGS)["en"];

/**
 * A translator outside any request (the mail worker, emails enqueued for someone else than the person
 * asking): the recipient's locale is passed, never read from the request. Inside a page or action use
 * next-intl's getTranslations/useTranslations instead.
 */
export function translatorFor<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: AppLocale, namespace: N) {
  return createTranslator({ locale, messages: CATALOGS[locale], namespace, timeZone: "UTC" });
}

/**
 * A message that may be a catalog key (lib/i18n/message-key.ts) in words of `locale`: for readers that
 * are not a page, such as an API client (English) or a test asserting what a person reads.
 */
export function messageText(message: string, locale: AppLocale = "en"): string {
  return translateMessage(createTranslator({ locale, messages: CATALOGS[locale], timeZone: "UTC" }) as unknown as RootTranslator, message);
}
