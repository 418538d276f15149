import type { Messages } from "next-intl";

/**
 * Messages shared by client and server code that has no translator at hand (zod schemas parsed in the
 * browser and in the action, refusals thrown by lib/<domain>) carry a catalog KEY instead of words,
 * with its values: `messageKey("validation.passwordTooShort", { min: 10 })`. Whatever shows the message
 * (field errors, FormError, toasts: components/ui/field.tsx, components/forms/use-action.ts) turns it
 * into the reader's language with `translateMessage`. Keys live in the `validation` and `errors`
 * namespaces; a string that is not such a key is shown as it is, so untranslated areas keep working.
 */

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type SharedMessageKey = Leaves<Pick<Messages, "validation" | "errors">>;
export type MessageValues = Record<string, string | number>;

const KEY_PATTERN = /^((?:validation|errors)\.[A-Za-z0-9_.]+)(\{.*\})?$/s;

export function messageKey(key: SharedMessageKey, values?: MessageValues): string {
  return values ? `${key}${JSON.stringify(values)}` : key;
}

/** The key and values a message carries, or null for plain words. */
export function parseMessageKey(message: string): { key: SharedMessageKey; values?: MessageValues } | null {
  const match = KEY_PATTERN.exec(message);
  if (!match) return null;
  let values: MessageValues | undefined;
  if (match[2]) {
    try {
      values = JSON.parse(match[2]) as MessageValues;
    } catch {
      return null;
    }
  }
  return { key: match[1] as SharedMessageKey, values };
}

/** A translator as next-intl hands it out (root namespace), reduced to what translating a message needs. */
export interface RootTranslator {
  (key: never, values?: never): string;
  has(key: never): boolean;
}

/** The words for a message that may be a key: translated when the catalog has it, otherwise as given. */
export function translateMessage(t: RootTranslator, message: string): string {
  const parsed = parseMessageKey(message);
  if (!parsed) return message;
  const translate = t as unknown as { (key: string, values?: MessageValues): string; has(key: string): boolean };
  return translate.has(parsed.key) ? translate(parsed.key, parsed.values) : message;
}
