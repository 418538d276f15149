import { formatMoney } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, type AppLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";
import type { QuotaResource } from "@/generated/prisma/enums";

export type AlertEvent =
  | { kind: "INSTANCE_STOPPED" | "INSTANCE_RESTARTED"; instance: string; by: string }
  | { kind: "MEMBER_JOINED" | "MEMBER_LEFT"; email: string; role: string }
  | { kind: "BALANCE_BELOW"; balanceMinor: number; currency: string }
  | { kind: "QUOTA_ABOVE"; resource: string; resourceKey?: QuotaResource; usage: number; limit: number }
  | { kind: "BILLING_PAST_DUE"; stage: "past_due" | "fell_back"; plan: string; amountMinor: number; currency: string; graceEndsAt: string | null };

/** What a "Send test" says; its payload's data carries these so a mail can say it in the recipient's words. */
export interface TestAlert {
  kind: "TEST";
  by: string;
  channel: string;
}

/**
 * An alert's title and text in a locale. Webhooks and Slack get English (like the API, machines and
 * shared rooms have no language of their own); an email channel's mail is written per recipient.
 */
export function describeAlert(event: AlertEvent | TestAlert, locale: AppLocale = DEFAULT_LOCALE): { title: string; text: string } {
  const t = translatorFor(locale, "alerting.events");
  switch (event.kind) {
    case "TEST":
      return { title: t("TEST.title"), text: t("TEST.text", { by: event.by, channel: event.channel }) };
    case "INSTANCE_STOPPED":
      return { title: t("INSTANCE_STOPPED.title", { instance: event.instance }), text: t("INSTANCE_STOPPED.text", { instance: event.instance, by: event.by }) };
    case "INSTANCE_RESTARTED":
      return { title: t("INSTANCE_RESTARTED.title", { instance: event.instance }), text: t("INSTANCE_RESTARTED.text", { instance: event.instance, by: event.by }) };
    case "MEMBER_JOINED":
      return { title: t("MEMBER_JOINED.title", { email: event.email }), text: t("MEMBER_JOINED.text", { email: event.email, role: event.role.toLowerCase() }) };
    case "MEMBER_LEFT":
      return { title: t("MEMBER_LEFT.title", { email: event.email }), text: t("MEMBER_LEFT.text", { email: event.email, role: event.role.toLowerCase() }) };
    case "BALANCE_BELOW":
      return { title: t("BALANCE_BELOW.title"), text: t("BALANCE_BELOW.text", { balance: formatMoney(event.balanceMinor, event.currency, locale) }) };
    case "QUOTA_ABOVE": {
      const q = translatorFor(locale, "quotas");
      // English keeps the label as it always read ("api keys"); other languages name the resource in theirs.
      const resource = locale === "en" || !event.resourceKey ? event.resource.toLowerCase() : q(`resources.${event.resourceKey}`);
      const values = { resource, usage: event.usage, limit: event.limit, percent: Math.round((event.usage / event.limit) * 100) };
      return { title: t("QUOTA_ABOVE.title", values), text: t("QUOTA_ABOVE.text", values) };
    }
    case "BILLING_PAST_DUE": {
      if (event.stage === "fell_back") return { title: t("FELL_BACK.title"), text: t("FELL_BACK.text", { plan: event.plan }) };
      const values = { plan: event.plan, amount: formatMoney(event.amountMinor, event.currency, locale), day: event.graceEndsAt?.slice(0, 10) ?? "" };
      return { title: t("PAST_DUE.title", values), text: t("PAST_DUE.text", values) };
    }
  }
}
