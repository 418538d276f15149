import { escapeHtml, type OutgoingEmail } from "@/lib/email";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";
import type { Role } from "@/generated/prisma/enums";

// Stands for the workspace name while the sentence is translated, so the HTML can bold the name
// after escaping the rest, whatever the words around it are in the recipient's language.
const WORKSPACE_MARK = "\u0000workspace\u0000";

/**
 * Written in the invitee's language when the address already has an account (its User.locale),
 * otherwise in English: a stranger's language is unknown. The outbox stores the finished text.
 */
export function invitationEmail(input: {
  to: string;
  locale: AppLocale;
  invitationId: string;
  workspaceName: string;
  inviterName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): OutgoingEmail {
  const t = translatorFor(input.locale, "emails.invitation");
  const subject = t("subject", { inviter: input.inviterName, workspace: input.workspaceName });
  const intro = t("intro", { inviter: input.inviterName, workspace: WORKSPACE_MARK, role: input.role });
  const action = t("action");
  const until = t("until", { email: input.to, until: formatDateTime(input.expiresAt, input.locale) });
  const ignore = t("ignore");
  const text = [intro.replace(WORKSPACE_MARK, input.workspaceName), "", `${action}: ${input.link}`, "", until, ignore].join("\n");
  const html = `<p>${escapeHtml(intro).replace(WORKSPACE_MARK, `<strong>${escapeHtml(input.workspaceName)}</strong>`)}</p>
<p><a href="${escapeHtml(input.link)}">${escapeHtml(action)}</a></p>
<p>${escapeHtml(until)}</p>
<p>${escapeHtml(ignore)}</p>`;
  return { to: input.to, subject, text, html, meta: { invitationId: input.invitationId, link: input.link } };
}
