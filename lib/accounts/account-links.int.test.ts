import { beforeEach, describe, expect, it } from "vitest";
import {
  changePasswordAction,
  confirmEmailChangeAction,
  requestEmailChangeAction,
  requestPasswordResetAction,
  resendVerificationAction,
  resetPasswordAction,
  setLocalePreferenceAction,
  signUpAction,
  verifyEmailAction,
} from "@/lib/accounts/actions";
import { hashPassword } from "@/lib/auth/password";
import { hashLinkToken, newLinkToken } from "@/lib/crypto/link-token";
import { db } from "@/lib/db";
import { syncLocaleCookie } from "@/lib/i18n/cookie";
import { messageKey } from "@/lib/i18n/message-key";
import { acceptInvitationAction } from "@/lib/invitations/actions";
import { RATE_LIMITS } from "@/lib/rate-limits/service";
import { createSession } from "@/lib/sessions/service";
import { makeUser, makeWorkspace, uniqueEmail } from "@/tests/support/factories";
import type { CapturedEmail } from "@/tests/support/mail-capture";
import { useMailCapture } from "@/tests/support/mail-capture-hooks";
import { sendQueuedMail } from "@/tests/support/outbox";
import { actAs, testSession } from "@/tests/support/session";
import { verifyCredentials } from "./queries";
import { ACCOUNT_TOKEN_TTL_MS } from "./service";

const capture = useMailCapture();
beforeEach(() => {
  // A client address per test: the per-client limit on account mail is not what most tests are about.
  testSession.ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  actAs(null);
});

const PASSWORD = "correct horse battery";
const LINK = /\/(verify-email|reset-password|confirm-email)\/([A-Za-z0-9_-]{43})/;

/** What reached the mailbox of `address`, once the outbox has sent what the actions queued. */
const mailTo = async (address: string) => {
  await sendQueuedMail();
  return capture.emails.filter((e) => e.to.includes(address));
};
function tokenIn(mail: CapturedEmail | undefined, path: string): string {
  const match = mail?.text.match(LINK);
  if (!match || match[1] !== path) throw new Error(`No ${path} link in: ${mail?.text}`);
  expect(mail!.text).toContain(`http://app.test/${path}/${match[2]}`);
  return match[2]!;
}

/** An account that can sign in with PASSWORD (the factory's accounts have an unusable hash). */
async function accountWithPassword(name = "Pat Person", verified = false) {
  const user = await makeUser(name);
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: verified ? new Date() : null } });
  return user;
}

async function expire(token: string) {
  await db().accountToken.update({ where: { tokenHash: hashLinkToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
}

const events = (userId: string) => db().securityEvent.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }).then((rows) => rows.map((r) => r.kind));
const liveSessions = (userId: string) => db().session.findMany({ where: { userId, revokedAt: null }, select: { id: true } }).then((rows) => rows.map((r) => r.id));
const user = (id: string) => db().user.findUniqueOrThrow({ where: { id } });

describe("sign-up", () => {
  it("answers a new address and a taken one alike; the new one gets a verification link, the taken one's owner a notice", async () => {
    const owner = await accountWithPassword("Olga Owner", true);
    const fresh = uniqueEmail("fresh");
    const before = await user(owner.id);
    const usersBefore = await db().user.count();

    const answerNew = await signUpAction({ name: "New Person", email: fresh.toUpperCase(), password: "another long password" });
    const answerTaken = await signUpAction({ name: "Impostor", email: owner.email, password: "another long password" });

    // The same shape and words; only the address each asked about is echoed back.
    expect(answerNew).toEqual({ ok: true, data: { email: fresh } });
    expect(answerTaken).toEqual({ ok: true, data: { email: owner.email } });
    expect({ ...answerTaken, data: { email: "x" } }).toEqual({ ...answerNew, data: { email: "x" } });

    // One mail each, of the kind that fits the address.
    expect((await mailTo(fresh)).map((m) => m.subject)).toEqual(["Confirm your email address"]);
    expect((await mailTo(owner.email)).map((m) => m.subject)).toEqual(["Someone tried to sign up with your address"]);
    expect((await mailTo(owner.email))[0]!.text).not.toMatch(LINK);
    expect((await mailTo(owner.email))[0]!.text).toContain("http://app.test/forgot-password");

    // The new account exists unverified and was not signed in; the taken one is untouched.
    expect(await db().user.count()).toBe(usersBefore + 1);
    const created = await db().user.findUniqueOrThrow({ where: { email: fresh } });
    expect(created.emailVerifiedAt).toBeNull();
    expect(await liveSessions(created.id)).toEqual([]);
    expect(await user(owner.id)).toEqual(before);
    const [token] = await db().accountToken.findMany({ where: { userId: created.id } });
    expect(token).toMatchObject({ purpose: "VERIFY_EMAIL", email: fresh, usedAt: null });
    expect(token!.tokenHash).toBe(hashLinkToken(tokenIn((await mailTo(fresh))[0], "verify-email")));
    expect(token!.expiresAt.getTime() - Date.now()).toBeGreaterThan(ACCOUNT_TOKEN_TTL_MS.VERIFY_EMAIL - 60_000);
  });

  it("counts mail per address whether or not it has an account, and refuses both alike past the limit", async () => {
    const owner = await accountWithPassword();
    const fresh = uniqueEmail("busy");
    const answers: Record<string, unknown[]> = { taken: [], fresh: [] };
    for (let i = 0; i < RATE_LIMITS.accountEmailsPerAddress.limit + 1; i++) {
      testSession.ip = `203.0.113.${i + 1}`;
      answers.taken!.push(await signUpAction({ name: "Again", email: owner.email, password: "another long password" }));
      answers.fresh!.push(await signUpAction({ name: "Again", email: fresh, password: "another long password" }));
    }
    const codes = (list: unknown[]) => list.map((a) => (a as { ok: boolean; code?: string }).code ?? "OK");
    expect(codes(answers.taken!)).toEqual(codes(answers.fresh!));
    expect(codes(answers.fresh!).at(-1)).toBe("LIMIT");
    expect((await mailTo(fresh))).toHaveLength(RATE_LIMITS.accountEmailsPerAddress.limit);
    expect((await mailTo(owner.email))).toHaveLength(RATE_LIMITS.accountEmailsPerAddress.limit);
  });
});

describe("email verification", () => {
  async function signUpFresh() {
    const email = uniqueEmail("verify");
    expect(await signUpAction({ name: "Vera Verify", email, password: "a long enough password" })).toMatchObject({ ok: true });
    const account = await db().user.findUniqueOrThrow({ where: { email } });
    return { account, token: tokenIn((await mailTo(email)).at(-1), "verify-email") };
  }

  it("verifies the address once; the link then does nothing, and neither does any other verification link", async () => {
    const { account, token } = await signUpFresh();
    actAs(account.id);
    const again = await resendVerificationAction({});
    expect(again).toEqual({ ok: true, data: { email: account.email } });
    const second = tokenIn((await mailTo(account.email)).at(-1), "verify-email");
    actAs(null);

    expect(await verifyEmailAction({ token })).toEqual({ ok: true, data: { email: account.email, signedIn: false } });
    const verified = await user(account.id);
    expect(verified.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await events(account.id)).toEqual(["email_verified"]);

    const after = await user(account.id);
    for (const used of [token, second]) {
      expect(await verifyEmailAction({ token: used })).toMatchObject({ ok: false, code: "NOT_FOUND", error: messageKey("errors.deadLink") });
    }
    expect(await user(account.id)).toEqual(after);
    expect(await events(account.id)).toEqual(["email_verified"]);

    actAs(account.id);
    expect(await resendVerificationAction({})).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("says whether the browser that opened the link is signed in as the account", async () => {
    const { account, token } = await signUpFresh();
    actAs(account.id, await createSession(account.id, { ip: null, userAgent: null }));
    expect(await verifyEmailAction({ token })).toEqual({ ok: true, data: { email: account.email, signedIn: true } });
  });

  it("does nothing with an expired link, a made-up one, or a link of another kind", async () => {
    const { account, token } = await signUpFresh();
    await expire(token);
    expect(await verifyEmailAction({ token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await verifyEmailAction({ token: newLinkToken().token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await resetPasswordAction({ token, password: "a brand new password" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await user(account.id)).toMatchObject({ emailVerifiedAt: null, passwordHash: account.passwordHash });
    expect(await events(account.id)).toEqual([]);
  });

  it("is verified by accepting an emailed invitation, and sign-up from one needs no link", async () => {
    const owner = await makeUser("Inviting Owner");
    const workspace = await makeWorkspace(owner.id);
    const invitee = await accountWithPassword("Ivy Invitee");
    const { token, tokenHash } = newLinkToken();
    await db().invitation.create({ data: { workspaceId: workspace.id, email: invitee.email, role: "VIEWER", tokenHash, expiresAt: new Date(Date.now() + 3600_000) } });
    actAs(invitee.id);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: true });
    expect((await user(invitee.id)).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await events(invitee.id)).toEqual(["email_verified"]);
  });
});

describe("forgot and reset password", () => {
  it("answers a known and an unknown address alike; only the known one gets a link, valid for an hour", async () => {
    const known = await accountWithPassword();
    const unknown = uniqueEmail("nobody");
    const answerKnown = await requestPasswordResetAction({ email: known.email });
    const answerUnknown = await requestPasswordResetAction({ email: unknown });
    expect(answerKnown).toEqual({ ok: true, data: { email: known.email } });
    expect(answerUnknown).toEqual({ ok: true, data: { email: unknown } });

    expect((await mailTo(unknown))).toEqual([]);
    expect((await mailTo(known.email)).map((m) => m.subject)).toEqual(["Reset your password"]);
    const token = tokenIn((await mailTo(known.email))[0], "reset-password");
    const row = await db().accountToken.findUniqueOrThrow({ where: { tokenHash: hashLinkToken(token) } });
    expect(row).toMatchObject({ purpose: "RESET_PASSWORD", userId: known.id, usedAt: null });
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(ACCOUNT_TOKEN_TTL_MS.RESET_PASSWORD);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(ACCOUNT_TOKEN_TTL_MS.RESET_PASSWORD - 60_000);
    expect(await events(known.id)).toEqual(["password_reset_requested"]);
  });

  it("is rate-limited per address, known or not, with the same refusal", async () => {
    const known = await accountWithPassword();
    const unknown = uniqueEmail("nobody");
    const last = { known: null as unknown, unknown: null as unknown };
    for (let i = 0; i <= RATE_LIMITS.accountEmailsPerAddress.limit; i++) {
      last.known = await requestPasswordResetAction({ email: known.email });
      last.unknown = await requestPasswordResetAction({ email: unknown });
    }
    expect(last.known).toMatchObject({ ok: false, code: "LIMIT" });
    expect(last.unknown).toEqual(last.known);
    expect((await mailTo(known.email))).toHaveLength(RATE_LIMITS.accountEmailsPerAddress.limit);
  });

  it("sets the new password, signs out every session of the account, logs it, and works once", async () => {
    const account = await accountWithPassword();
    const sessions = await Promise.all([1, 2].map(() => createSession(account.id, { ip: "192.0.2.1", userAgent: "test" })));
    expect(await liveSessions(account.id)).toHaveLength(2);
    await requestPasswordResetAction({ email: account.email });
    const token = tokenIn((await mailTo(account.email)).at(-1), "reset-password");
    // Signed in as the account while resetting: that session ends too.
    actAs(account.id, sessions[0]!);

    expect(await resetPasswordAction({ token, password: "short" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { password: messageKey("validation.passwordTooShort", { min: 10 }) } });
    expect(await resetPasswordAction({ token, password: "a brand new password" })).toEqual({ ok: true, data: { email: account.email } });

    expect(await liveSessions(account.id)).toEqual([]);
    expect(await verifyCredentials(account.email, PASSWORD)).toBeNull();
    expect(await verifyCredentials(account.email, "a brand new password")).toMatchObject({ id: account.id });
    expect(await events(account.id)).toEqual(["password_reset_requested", "password_reset"]);
    // The mailbox opened the link: an unverified address counts as verified now.
    expect((await user(account.id)).emailVerifiedAt).toBeInstanceOf(Date);

    const after = await user(account.id);
    expect(await resetPasswordAction({ token, password: "yet another password" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await user(account.id)).toEqual(after);
  });

  it("does nothing with an expired link", async () => {
    const account = await accountWithPassword();
    await requestPasswordResetAction({ email: account.email });
    const token = tokenIn((await mailTo(account.email)).at(-1), "reset-password");
    await expire(token);
    const session = await createSession(account.id, { ip: null, userAgent: null });
    expect(await resetPasswordAction({ token, password: "a brand new password" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await verifyCredentials(account.email, PASSWORD)).toMatchObject({ id: account.id });
    expect(await liveSessions(account.id)).toEqual([session]);
    expect(await events(account.id)).toEqual(["password_reset_requested"]);
  });
});

describe("change password", () => {
  it("needs the current password; then signs out every other session, keeps this one, and logs it", async () => {
    const account = await accountWithPassword();
    const [here, elsewhere] = await Promise.all([1, 2].map(() => createSession(account.id, { ip: null, userAgent: null })));
    actAs(account.id, here!);

    const before = await user(account.id);
    expect(await changePasswordAction({ currentPassword: "not the password", newPassword: "a brand new password" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { currentPassword: messageKey("errors.wrongPassword") },
    });
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: messageKey("validation.passwordUnchanged") },
    });
    expect(await user(account.id)).toEqual(before);
    expect(await liveSessions(account.id)).toHaveLength(2);

    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "a brand new password" })).toEqual({ ok: true, data: { sessionsRevoked: 1 } });
    expect(await liveSessions(account.id)).toEqual([here]);
    expect(await db().session.findUniqueOrThrow({ where: { id: elsewhere! } })).toMatchObject({ revokedAt: expect.any(Date) });
    expect(await verifyCredentials(account.email, "a brand new password")).toMatchObject({ id: account.id });
    expect(await events(account.id)).toEqual(["password_changed"]);
  });

  it("counts wrong current passwords as sign-in guesses", async () => {
    const account = await accountWithPassword();
    actAs(account.id);
    for (let i = 0; i < RATE_LIMITS.signInPerAccount.limit; i++) {
      expect(await changePasswordAction({ currentPassword: `guess number ${i}`, newPassword: "a brand new password" })).toMatchObject({ code: "INVALID" });
    }
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "a brand new password" })).toMatchObject({ ok: false, code: "LIMIT" });
    expect(await verifyCredentials(account.email, PASSWORD)).toMatchObject({ id: account.id });
  });
});

describe("change email", () => {
  async function requestChange(account: { id: string }, newEmail: string) {
    actAs(account.id);
    return requestEmailChangeAction({ newEmail, password: PASSWORD });
  }

  it("mails a link to the new address and a notice to the old; the change happens when the link is opened, verified", async () => {
    const account = await accountWithPassword("Chris Change");
    const newEmail = uniqueEmail("moved");
    await requestPasswordResetAction({ email: account.email });
    const oldReset = tokenIn((await mailTo(account.email)).at(-1), "reset-password");

    expect(await requestChange(account, newEmail.toUpperCase())).toEqual({ ok: true, data: { newEmail } });
    expect((await user(account.id)).email).toBe(account.email);
    expect((await mailTo(newEmail)).map((m) => m.subject)).toEqual(["Confirm your new email address"]);
    const notice = (await mailTo(account.email)).at(-1)!;
    expect(notice.subject).toBe("Your email address is about to change");
    expect(notice.text).toContain(newEmail);
    expect(notice.text).not.toMatch(LINK);
    const token = tokenIn((await mailTo(newEmail))[0], "confirm-email");

    actAs(null);
    expect(await confirmEmailChangeAction({ token })).toEqual({ ok: true, data: { email: newEmail, signedIn: false } });
    const moved = await user(account.id);
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyCredentials(newEmail, PASSWORD)).toMatchObject({ id: account.id });
    expect(await verifyCredentials(account.email, PASSWORD)).toBeNull();
    expect(await events(account.id)).toEqual(["password_reset_requested", "email_change_requested", "email_changed"]);
    const changed = await db().securityEvent.findFirstOrThrow({ where: { userId: account.id, kind: "email_changed" } });
    expect(changed.metadata).toEqual({ from: account.email, to: newEmail });

    // Used once; and the reset link mailed to the old address died with it.
    expect(await confirmEmailChangeAction({ token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await resetPasswordAction({ token: oldReset, password: "a brand new password" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await user(account.id)).toEqual(moved);
  });

  it("refuses when another account took the new address meanwhile, and changes nothing", async () => {
    const account = await accountWithPassword();
    const newEmail = uniqueEmail("contested");
    await requestChange(account, newEmail);
    const token = tokenIn((await mailTo(newEmail))[0], "confirm-email");
    await makeUser("Quick Taker", newEmail);
    const before = await user(account.id);
    expect(await confirmEmailChangeAction({ token })).toMatchObject({ ok: false, code: "CONFLICT", error: messageKey("errors.addressTaken") });
    expect(await user(account.id)).toEqual(before);
    expect(await events(account.id)).toEqual(["email_change_requested"]);
  });

  it("answers the same for an address another account has, but sends it no link", async () => {
    const account = await accountWithPassword();
    const other = await makeUser("Other Owner");
    const free = uniqueEmail("free");
    expect(await requestChange(account, other.email)).toEqual({ ok: true, data: { newEmail: other.email } });
    expect(await requestChange(account, free)).toEqual({ ok: true, data: { newEmail: free } });
    expect((await mailTo(other.email))).toEqual([]);
    expect((await mailTo(free))).toHaveLength(1);
    expect((await mailTo(account.email)).map((m) => m.subject)).toEqual(["Your email address is about to change", "Your email address is about to change"]);
  });

  it("keeps only the latest request, needs the password, and refuses the current address", async () => {
    const account = await accountWithPassword();
    const [first, second] = [uniqueEmail("first"), uniqueEmail("second")];
    await requestChange(account, first);
    await requestChange(account, second);
    expect(await confirmEmailChangeAction({ token: tokenIn((await mailTo(first))[0], "confirm-email") })).toMatchObject({ ok: false, code: "NOT_FOUND" });

    actAs(account.id);
    expect(await requestEmailChangeAction({ newEmail: uniqueEmail("third"), password: "not the password" })).toMatchObject({
      ok: false,
      fieldErrors: { password: messageKey("errors.wrongPassword") },
    });
    expect(await requestEmailChangeAction({ newEmail: account.email, password: PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { newEmail: messageKey("errors.sameEmail") },
    });

    const token = tokenIn((await mailTo(second))[0], "confirm-email");
    await expire(token);
    expect(await confirmEmailChangeAction({ token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await user(account.id)).email).toBe(account.email);
  });

  it("kills a pending change when the password changes", async () => {
    const account = await accountWithPassword();
    const newEmail = uniqueEmail("pending");
    await requestChange(account, newEmail);
    const token = tokenIn((await mailTo(newEmail))[0], "confirm-email");
    actAs(account.id);
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "a brand new password" })).toMatchObject({ ok: true });
    expect(await confirmEmailChangeAction({ token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("account links", () => {
  it("store only the hash of their token", async () => {
    const email = uniqueEmail("hash");
    await signUpAction({ name: "Hash Only", email, password: "a long enough password" });
    const token = tokenIn((await mailTo(email))[0], "verify-email");
    const rows = await db().$queryRaw<{ row: string }[]>`SELECT t::text AS row FROM "AccountToken" t`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.row.includes(token))).toBe(false);
  });
});

describe("mail in the recipient's language", () => {
  it("writes to an account that chose German in German, dates spelled de-DE, and to one that follows the browser in English", async () => {
    const german = await accountWithPassword("Greta Deutsch", true);
    await db().user.update({ where: { id: german.id }, data: { locale: "de" } });
    const english = await accountWithPassword("Ellen Default", true);

    expect(await requestPasswordResetAction({ email: german.email })).toMatchObject({ ok: true });
    expect(await requestPasswordResetAction({ email: english.email })).toMatchObject({ ok: true });

    const [deMail] = await mailTo(german.email);
    expect(deMail?.subject).toBe("Setzen Sie Ihr Passwort zurück");
    expect(deMail?.text).toContain(`das Workspaces-Konto ${german.email}`);
    expect(deMail?.text).toMatch(/Neues Passwort wählen: http:\/\/app\.test\/reset-password\//);
    expect(deMail?.text).toMatch(/bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC\./);
    expect(deMail?.html).toContain("Neues Passwort wählen</a>");

    const [enMail] = await mailTo(english.email);
    expect(enMail?.subject).toBe("Reset your password");
    expect(enMail?.text).toMatch(/until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} UTC\./);
  });

  it("follows a change of language saved on the account page", async () => {
    const account = await accountWithPassword("Sam Switch", false);
    actAs(account.id, await createSession(account.id, { ip: testSession.ip, userAgent: null }));
    expect(await setLocalePreferenceAction({ locale: "de" })).toEqual({ ok: true, data: { locale: "de" } });
    expect((await user(account.id)).locale).toBe("de");
    expect(syncLocaleCookie).toHaveBeenLastCalledWith("de");
    await resendVerificationAction({});
    expect((await mailTo(account.email)).map((m) => m.subject)).toEqual(["Bestätigen Sie Ihre E-Mail-Adresse"]);

    expect(await setLocalePreferenceAction({ locale: null })).toEqual({ ok: true, data: { locale: null } });
    expect((await user(account.id)).locale).toBeNull();
    expect(syncLocaleCookie).toHaveBeenLastCalledWith(null);
    expect(await setLocalePreferenceAction({ locale: "fr" as "de" })).toMatchObject({ ok: false, code: "INVALID" });
  });
});
