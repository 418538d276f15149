import de from "@/messages/de.json";
import en from "@/messages/en.json";
import type { AppLocale } from "./locale";

/**
 * Every catalog, loaded once per process: small enough to keep in memory, and mail rendered by the
 * background worker (outside any request) needs them without next-intl's request config.
 */
export const CATALOGS: Record<AppLocale, typeof en> = { en, de };
