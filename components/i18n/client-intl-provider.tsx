"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { AppLocale } from "@/lib/i18n/locale";

type Messages = Record<string, unknown>;

// Parsed catalogs by their text: one a language on the server, which then parses each once instead of
// once a request; one in the browser. Bounded in case a deploy changes the text under a running server.
const parsedMessages = new Map<string, Messages>();

function parseMessages(json: string): Messages {
  let messages = parsedMessages.get(json);
  if (!messages) {
    if (parsedMessages.size >= 8) parsedMessages.clear();
    messages = JSON.parse(json) as Messages;
    parsedMessages.set(json, messages);
  }
  return messages;
}

/**
 * next-intl's client provider, given its part of the catalog as JSON text. Passed as an object, the
 * catalog's thousands of entries were walked one by one by the server's RSC encoder and rebuilt one by one
 * by the decoder that renders the HTML, on every request: more than a quarter of the barest page's server time
 * (README, Benchmark). As one string the payload copies it whole, and JSON.parse reads it at native speed.
 */
export function ClientIntlProvider({
  locale,
  timeZone,
  messagesJson,
  children,
}: {
  locale: AppLocale;
  timeZone: string;
  messagesJson: string;
  children: ReactNode;
}) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={parseMessages(messagesJson)}>
      {children}
    </NextIntlClientProvider>
  );
}
