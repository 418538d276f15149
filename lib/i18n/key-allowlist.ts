import type { Messages } from "next-intl";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Any full key of the English catalog ("account.title"): a typo fails `tsc`. */
export type CatalogKey = Leaves<Messages>;

/**
 * Keys the catalog test (lib/i18n/catalog.test.ts) cannot see used: a key chosen at run time from data
 * whose shape the scanner does not follow. Prefer a template literal with a static prefix,
 * `t(\`events.${kind}\`)`, which the scanner reads as "every key under events.": list keys here only
 * when even that is impossible, and say where they are used.
 */
export const KEYS_USED_DYNAMICALLY: readonly CatalogKey[] = [
  // lib/i18n/locale.ts LOCALE_NAMES shows each language in its own words, outside any catalog; nothing here yet.
];
