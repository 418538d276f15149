import { escapeHtml, type OutgoingEmail } from "@/lib/email";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * Account mail, written in the recipient's language (their User.locale; English when they follow the
 * browser, which a mail does not have) at the moment it is queued: the outbox stores the finished text.
 */

/** Plain text and the same words as HTML, one paragraph per entry; a link entry becomes an anchor. */
function compose(to: string, subject: string, paragraphs: (string | { link: string; label: string })[]): OutgoingEmail {
  const text = paragraphs.map((p) => (typeof p === "string" ? p : `${p.label}: ${p.link}`)).join("\n\n");
  const html = paragraphs
    .map((p) => (typeof p === "string" ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`))
    .join("\n");
  return { to, subject, text, html };
}

export function verificationEmail(input: { to: string; name: string; link: string; expiresAt: Date; locale: AppLocale }): OutgoingEmail {
  const t = translatorFor(input.locale, "emails");
  return compose(input.to, t("verification.subject"), [
    t("verification.hello", { name: input.name }),
    t("verification.intro", { email: input.to }),
    { link: input.link, label: t("verification.action") },
    t("linkUntil", { until: formatDateTime(input.expiresAt, input.locale) }),
    t("verification.ignore"),
  ]);
}

/** What the owner of an address receives when someone signs up with it again: no link that changes anything. */
export function alreadyRegisteredEmail(input: { to: string; origin: string; locale: AppLocale }): OutgoingEmail {
  const t = translatorFor(input.locale, "emails.alreadyRegistered");
  const signIn = `${input.origin}/sign-in?email=${encodeURIComponent(input.to)}`;
  return compose(input.to, t("subject"), [
    t("intro", { email: input.to }),
    { link: signIn, label: t("signIn") },
    { link: `${input.origin}/forgot-password`, label: t("reset") },
    t("ignore"),
  ]);
}

export function passwordResetEmail(input: { to: string; link: string; expiresAt: Date; locale: AppLocale }): OutgoingEmail {
  const t = translatorFor(input.locale, "emails.passwordReset");
  return compose(input.to, t("subject"), [
    t("intro", { email: input.to }),
    { link: input.link, label: t("action") },
    t("until", { until: formatDateTime(input.expiresAt, input.locale) }),
    t("ignore"),
  ]);
}

export function confirmEmailChangeEmail(input: { to: string; from: string; link: string; expiresAt: Date; locale: AppLocale }): OutgoingEmail {
  const t = translatorFor(input.locale, "emails.confirmChange");
  return compose(input.to, t("subject"), [
    t("intro", { from: input.from, to: input.to }),
    { link: input.link, label: t("action") },
    t("until", { until: formatDateTime(input.expiresAt, input.locale) }),
    t("ignore"),
  ]);
}

/** To the old address: the change waits for the new one's confirmation, so this is a warning, not a fact. */
export function emailChangeNoticeEmail(input: { to: string; newEmail: string; origin: string; locale: AppLocale }): OutgoingEmail {
  const t = translatorFor(input.locale, "emails.changeNotice");
  return compose(input.to, t("subject"), [
    t("intro", { email: input.to, newEmail: input.newEmail }),
    t("advice"),
    { link: `${input.origin}/account`, label: t("action") },
  ]);
}
