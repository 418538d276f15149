import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, negotiateLocale, recipientLocale } from "./locale";
import { formatDateTime, formatMoney } from "./format";
import { messageKey, parseMessageKey } from "./message-key";

describe("locale negotiation", () => {
  it("takes the account's cookie over the browser's languages", () => {
    expect(negotiateLocale({ cookie: "de", acceptLanguage: "en-US,en;q=0.9" })).toBe("de");
    expect(negotiateLocale({ cookie: "en", acceptLanguage: "de-DE,de;q=0.9" })).toBe("en");
  });

  it("ignores a cookie naming no locale of ours", () => {
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "de" })).toBe("de");
    expect(negotiateLocale({ cookie: "", acceptLanguage: null })).toBe("en");
  });

  it("follows Accept-Language by q-value, then by order, matching regional variants", () => {
    expect(localeFromAcceptLanguage("de-AT")).toBe("de");
    expect(localeFromAcceptLanguage("en;q=0.5, de;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("fr-FR, fr;q=0.9, en;q=0.7, de;q=0.6")).toBe("en");
    expect(localeFromAcceptLanguage("de, en")).toBe("de");
    expect(localeFromAcceptLanguage("EN-us")).toBe("en");
  });

  it("treats q=0 as a refusal and * or nonsense as no preference", () => {
    expect(localeFromAcceptLanguage("de;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("fr, ja")).toBeNull();
    expect(localeFromAcceptLanguage("de;q=abc")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
  });

  it("falls back to English", () => {
    expect(negotiateLocale({})).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "fr-CA,fr;q=0.9" })).toBe("en");
  });

  it("writes mail to an account that follows the browser in English", () => {
    expect(recipientLocale(null)).toBe("en");
    expect(recipientLocale("de")).toBe("de");
    expect(recipientLocale("xx")).toBe("en");
  });
});

describe("locale-aware formatting", () => {
  const instant = new Date("2026-01-21T14:05:00Z");
  it("spells dates per locale, always in UTC", () => {
    expect(formatDateTime(instant, "en")).toBe("Jan 21, 2026, 14:05 UTC");
    expect(formatDateTime(instant, "de")).toBe("21.01.2026, 14:05 UTC");
  });

  it("spells money per locale", () => {
    expect(formatMoney(123450, "USD", "en")).toBe("$1,234.50");
    expect(formatMoney(123450, "EUR", "de")).toBe("1.234,50\u00a0€");
  });
});

describe("message keys", () => {
  it("carry their values and come apart again", () => {
    expect(parseMessageKey(messageKey("validation.passwordTooShort", { min: 10 }))).toEqual({ key: "validation.passwordTooShort", values: { min: 10 } });
    expect(parseMessageKey("Plain words.")).toBeNull();
  });
});
