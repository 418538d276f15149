import type en from "@/messages/en.json";
import type { AppLocale } from "@/lib/i18n/locale";

// next-intl's type augmentation: a key missing from the English catalog, or a namespace that does not
// exist, fails `tsc`. German is held to the same shape by lib/i18n/catalogs.ts.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof en;
  }
}
