import { messageKey } from "@/lib/i18n/message-key";

/** Syntax rules for alert URLs, shared by the browser and the server (no network, no Node APIs). */
export function urlProblem(raw: string, allowPlainHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return messageKey("validation.alerting.urlInvalid");
  }
  if (url.username || url.password) return messageKey("validation.alerting.urlCredentials");
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && allowPlainHttp) return null;
  return messageKey("validation.alerting.urlHttps");
}
