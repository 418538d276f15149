import { ROLE_LABEL } from "@/lib/authz/permissions";
import { escapeHtml, type OutgoingEmail } from "@/lib/email";
import type { Role } from "@/generated/prisma/enums";

export function invitationEmail(input: {
  to: string;
  invitationId: string;
  workspaceName: string;
  inviterName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): OutgoingEmail {
  const role = ROLE_LABEL[input.role];
  const expires = input.expiresAt.toUTCString();
  const subject = `${input.inviterName} invited you to ${input.workspaceName}`;
  const text = [
    `${input.inviterName} invited you to join ${input.workspaceName} as ${role}.`,
    "",
    `Accept the invitation: ${input.link}`,
    "",
    `The link works once, for ${input.to}, until ${expires}.`,
    "If you did not expect this, ignore this email.",
  ].join("\n");
  const html = `<p>${escapeHtml(input.inviterName)} invited you to join <strong>${escapeHtml(input.workspaceName)}</strong> as ${role}.</p>
<p><a href="${escapeHtml(input.link)}">Accept the invitation</a></p>
<p>The link works once, for ${escapeHtml(input.to)}, until ${escapeHtml(expires)}.</p>
<p>If you did not expect this, ignore this email.</p>`;
  return { to: input.to, subject, text, html, meta: { invitationId: input.invitationId, link: input.link } };
}
