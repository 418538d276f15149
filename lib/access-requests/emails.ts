import { permissionMessageId, type GrantableKey } from "@/lib/authz/permissions";
import { escapeHtml, type OutgoingEmail } from "@/lib/email";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * Access-request mail, in the recipient's language (their User.locale; English when they follow the
 * browser), written when it is queued: the outbox stores the finished text.
 */

/** The resource a request is about: its kind ("instance") and the name its members see. */
export interface RequestedResource {
  kind: string;
  name: string;
}

/** "Restart on instance web-dev", or the permission alone for a request in general. */
function requested(locale: AppLocale, permission: GrantableKey, resource: RequestedResource | null): string {
  const p = translatorFor(locale, "permissions");
  const t = translatorFor(locale, "accessRequests.emails");
  const label = p(`keys.${permissionMessageId(permission)}.label`);
  return resource ? t("whatOn", { permission: label, kind: resource.kind, name: resource.name }) : label;
}

/** Plain text and HTML of the same paragraphs; `<strong>` marks the requested permission. */
function compose(to: string, subject: string, paragraphs: (string | { link: string; label: string })[], what: string): OutgoingEmail {
  const text = paragraphs.map((p) => (typeof p === "string" ? p : `${p.label}: ${p.link}`)).join("\n\n");
  const html = paragraphs
    .map((p) =>
      typeof p === "string"
        ? `<p>${escapeHtml(p).replace(escapeHtml(what), `<strong>${escapeHtml(what)}</strong>`)}</p>`
        : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`,
    )
    .join("\n");
  return { to, subject, text, html };
}

/** To each owner and admin: someone asks for a permission; the link opens the list where they decide. */
export function accessRequestedEmail(input: {
  to: string;
  locale: AppLocale;
  workspaceName: string;
  requesterName: string;
  permission: GrantableKey;
  /** The instance, project or server asked about, or null for a request in general. */
  resource: RequestedResource | null;
  reason: string;
  link: string;
}): OutgoingEmail {
  const t = translatorFor(input.locale, "accessRequests.emails.requested");
  const what = requested(input.locale, input.permission, input.resource);
  const values = { name: input.requesterName, what, workspace: input.workspaceName };
  return compose(input.to, t("subject", values), [t("intro", values), t("reason", { reason: input.reason }), { link: input.link, label: t("action") }], what);
}

/** To the requester: what was decided, by whom, until when, and the decider's note. */
export function accessDecisionEmail(input: {
  to: string;
  locale: AppLocale;
  workspaceName: string;
  deciderName: string;
  outcome: "approved" | "denied" | "revoked";
  permission: GrantableKey;
  resource: RequestedResource | null;
  note: string | null;
  expiresAt: Date | null;
  link: string;
}): OutgoingEmail {
  const t = translatorFor(input.locale, "accessRequests.emails.decision");
  const what = requested(input.locale, input.permission, input.resource);
  const values = { what, workspace: input.workspaceName, outcome: input.outcome, name: input.deciderName };
  const lasting =
    input.outcome === "approved" ? (input.expiresAt ? t("until", { when: formatDateTime(input.expiresAt, input.locale) }) : t("untilRevoked")) : null;
  return compose(
    input.to,
    t("subject", values),
    [t("intro", values), ...(lasting ? [lasting] : []), ...(input.note ? [t("note", { note: input.note })] : []), { link: input.link, label: t("action") }],
    what,
  );
}
