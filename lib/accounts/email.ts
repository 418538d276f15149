import { escapeHtml, type OutgoingEmail } from "@/lib/email";

/** Plain text and the same words as HTML, one paragraph per entry; a link entry becomes an anchor. */
function compose(to: string, subject: string, paragraphs: (string | { link: string; label: string })[]): OutgoingEmail {
  const text = paragraphs.map((p) => (typeof p === "string" ? p : `${p.label}: ${p.link}`)).join("\n\n");
  const html = paragraphs
    .map((p) => (typeof p === "string" ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`))
    .join("\n");
  return { to, subject, text, html };
}

const until = (expiresAt: Date) => expiresAt.toUTCString();

export function verificationEmail(input: { to: string; name: string; link: string; expiresAt: Date }): OutgoingEmail {
  return compose(input.to, "Confirm your email address", [
    `Hello ${input.name},`,
    `Confirm that ${input.to} is your address for Workspaces.`,
    { link: input.link, label: "Confirm your email address" },
    `The link works once, until ${until(input.expiresAt)}.`,
    "If you did not create an account, ignore this email: nothing happens without the link.",
  ]);
}

/** What the owner of an address receives when someone signs up with it again: no link that changes anything. */
export function alreadyRegisteredEmail(input: { to: string; origin: string }): OutgoingEmail {
  const signIn = `${input.origin}/sign-in?email=${encodeURIComponent(input.to)}`;
  return compose(input.to, "Someone tried to sign up with your address", [
    `Someone, maybe you, tried to create a Workspaces account with ${input.to}. You already have one, so nothing was created or changed.`,
    { link: signIn, label: "Sign in" },
    { link: `${input.origin}/forgot-password`, label: "Forgot your password? Reset it" },
    "If it was not you, you can ignore this email.",
  ]);
}

export function passwordResetEmail(input: { to: string; link: string; expiresAt: Date }): OutgoingEmail {
  return compose(input.to, "Reset your password", [
    `Someone, maybe you, asked to reset the password of the Workspaces account for ${input.to}.`,
    { link: input.link, label: "Choose a new password" },
    `The link works once, until ${until(input.expiresAt)}. Resetting signs the account out everywhere.`,
    "If you did not ask, ignore this email: your password stays as it is.",
  ]);
}

export function confirmEmailChangeEmail(input: { to: string; from: string; link: string; expiresAt: Date }): OutgoingEmail {
  return compose(input.to, "Confirm your new email address", [
    `Someone asked to change the email address of the Workspaces account ${input.from} to ${input.to}.`,
    { link: input.link, label: "Confirm the new address" },
    `Nothing changes until the link is opened. It works once, until ${until(input.expiresAt)}.`,
    "If you did not ask for this, ignore this email.",
  ]);
}

/** To the old address: the change waits for the new one's confirmation, so this is a warning, not a fact. */
export function emailChangeNoticeEmail(input: { to: string; newEmail: string; origin: string }): OutgoingEmail {
  return compose(input.to, "Your email address is about to change", [
    `Someone signed in to your Workspaces account asked to change its email address from ${input.to} to ${input.newEmail}. It changes once the new address confirms.`,
    "If that was not you, change your password now: it signs out every other browser, and a password is needed to ask for this change.",
    { link: `${input.origin}/account`, label: "Open your account" },
  ]);
}
