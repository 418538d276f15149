import { messageKey } from "@/lib/i18n/message-key";
import { messageText } from "@/lib/i18n/translator";
import { beforeEach, describe, expect, it } from "vitest";
import { copyInviteLinkAction, inviteMembersAction, resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/invitations/actions";
import { db } from "@/lib/db";
import { openRecorded } from "@/lib/email";
import { actAs } from "@/tests/support/session";
import { addMember, makeTeam, makeUser, makeWorkspace, rowCounts, uniqueEmail } from "@/tests/support/factories";
import { sendQueuedMail } from "@/tests/support/outbox";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/email/outbox";
import { listPendingInvitations } from "@/lib/invitations/queries";
import { linkIn, type CapturedEmail } from "@/tests/support/mail-capture";
import { useMailCapture } from "@/tests/support/mail-capture-hooks";
import { hashLinkToken, newLinkToken } from "@/lib/crypto/link-token";
import { forged } from "@/tests/support/forged";

const capture = useMailCapture();

const tokenOf = (email: CapturedEmail) => linkIn(email).split("/invite/")[1]!;
/** What reached the mailbox of `address`, once the outbox has sent what the actions queued. */
const mailTo = async (address: string) => {
  await sendQueuedMail();
  return capture.emails.filter((e) => e.to.includes(address));
};

async function invite(slug: string, emails: string, role: "ADMIN" | "DEVELOPER" | "VIEWER" = "DEVELOPER") {
  const result = await inviteMembersAction(slug, { emails, role });
  if (!result.ok) throw new Error(`invite refused: ${result.error}`);
  return result.data.results;
}

describe("inviting", () => {
  it("answers each address on its own and mails a single-use link through the Resend SDK", async () => {
    const team = await makeTeam();
    actAs(team.owner.id);
    const fresh = uniqueEmail("fresh");
    const results = await invite(team.workspace.slug, `${fresh}, not-an-email\n${team.admin.email}\n${fresh.toUpperCase()}`);
    expect(results).toEqual(
      expect.arrayContaining([
        { email: "not-an-email", outcome: "invalid", message: "Not a valid email address" },
        { email: team.admin.email, outcome: "already_member", message: "Already a member" },
        { email: fresh, outcome: "invited", message: "Invited as Developer" },
      ]),
    );
    expect(results).toHaveLength(3);

    const [mail] = (await mailTo(fresh));
    expect(mail?.authorization).toBe("Bearer re_test_key");
    expect(mail?.subject).toBe(`Owner invited you to ${team.workspace.name}`);
    expect(mail?.text).toContain("as Developer");
    expect(linkIn(mail!)).toMatch(/^http:\/\/app\.test\/invite\/[A-Za-z0-9_-]{43}$/);

    const row = await db().invitation.findFirstOrThrow({ where: { workspaceId: team.workspace.id, email: fresh } });
    expect(row.tokenHash).toBe(hashLinkToken(tokenOf(mail!)));
    expect(row.tokenHash).not.toContain(tokenOf(mail!));
    expect(row.lastSentAt).toBeInstanceOf(Date);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const audit = await db().auditEvent.findFirst({ where: { workspaceId: team.workspace.id, action: "invitation.created", targetId: row.id } });
    expect(audit?.actorId).toBe(team.owner.id);
  });

  it("writes the mail in the language of the account that has the address, in English for a stranger", async () => {
    // A workspace of its own, with seats free for both.
    const owner = await makeUser("Owner");
    const workspace = await makeWorkspace(owner.id);
    const team = { workspace };
    const german = await makeUser();
    await db().user.update({ where: { id: german.id }, data: { locale: "de" } });
    const stranger = uniqueEmail("stranger");
    actAs(owner.id);
    const results = await invite(team.workspace.slug, `${german.email}\n${stranger}`, "VIEWER");
    expect(results.map((r) => r.outcome)).toEqual(["invited", "invited"]);

    const [toGerman] = await mailTo(german.email);
    expect(toGerman?.subject).toBe(`Owner hat Sie zu ${team.workspace.name} eingeladen`);
    expect(toGerman?.text).toContain(`Owner hat Sie eingeladen, ${team.workspace.name} als Betrachter beizutreten.`);
    expect(toGerman?.text).toMatch(/bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC\./);
    expect(linkIn(toGerman!)).toMatch(/^http:\/\/app\.test\/invite\//);
    const [toStranger] = await mailTo(stranger);
    expect(toStranger?.subject).toBe(`Owner invited you to ${team.workspace.name}`);
    expect(toStranger?.text).toMatch(/until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} UTC\./);
  });

  it("refuses a role above the inviter's own, whatever the dropdown offered", async () => {
    const team = await makeTeam();
    actAs(team.admin.id);
    const before = await rowCounts();
    expect(await inviteMembersAction(team.workspace.slug, forged({ emails: uniqueEmail("x"), role: "OWNER" }))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { role: messageKey("validation.members.chooseRole") },
    });
    expect(await rowCounts()).toEqual(before);
    expect(await invite(team.workspace.slug, uniqueEmail("peer"), "ADMIN")).toMatchObject([{ outcome: "invited" }]);
  });

  it("with the mail service down, keeps the invitation's email in the outbox and sends it once the service is back, without anyone acting", async () => {
    const team = await makeTeam();
    actAs(team.owner.id);
    const email = uniqueEmail("unlucky");
    process.env.RESEND_BASE_URL = "http://127.0.0.1:9"; // nothing listens on the discard port
    expect(await invite(team.workspace.slug, email)).toEqual([expect.objectContaining({ email, outcome: "invited" })]);
    await sendQueuedMail();
    const queued = await db().outboundEmail.findFirstOrThrow({ where: { to: email } });
    expect(queued).toMatchObject({ kind: "invitation", status: "PENDING", attempts: 1, lastError: expect.any(String) });
    expect(queued.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    const failed = await db().invitation.findFirstOrThrow({ where: { email } });
    expect(failed).toMatchObject({ acceptedAt: null, revokedAt: null, lastSentAt: null, sendError: expect.any(String) });
    const listed = await listPendingInvitations(team.workspace.id);
    expect(listed.invitations.find((i) => i.email === email)?.delivery).toMatchObject({ state: "retrying" });

    // The service is back; the retry falls due (the backoff has passed) and the worker sends it.
    process.env.RESEND_BASE_URL = capture.url;
    await db().outboundEmail.update({ where: { id: queued.id }, data: { nextAttemptAt: new Date() } });
    expect(await mailTo(email)).toHaveLength(1);
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(await db().invitation.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ sendError: null, lastSentAt: expect.any(Date) });
  });

  it("does not send an invitation's email once the invitation was revoked while the email waited", async () => {
    const team = await makeTeam();
    actAs(team.owner.id);
    const email = uniqueEmail("revoked-early");
    await invite(team.workspace.slug, email);
    const invitation = await db().invitation.findFirstOrThrow({ where: { email } });
    expect(await revokeInvitationAction(team.workspace.slug, { invitationId: invitation.id })).toMatchObject({ ok: true });
    expect(await mailTo(email)).toHaveLength(0);
    expect(await db().outboundEmail.findFirstOrThrow({ where: { invitationId: invitation.id } })).toMatchObject({ status: "FAILED" });
  });

  it("shows the provider's refusal on the row, and gives up after the last attempt until someone sends it again", async () => {
    const team = await makeTeam();
    actAs(team.owner.id);
    const email = uniqueEmail("bounce");
    await invite(team.workspace.slug, email);
    await sendQueuedMail();
    const queued = await db().outboundEmail.findFirstOrThrow({ where: { to: email } });
    expect(queued.lastError).toBe("The recipient address was rejected.");
    await db().outboundEmail.update({ where: { id: queued.id }, data: { attempts: MAX_EMAIL_ATTEMPTS - 1, nextAttemptAt: new Date() } });
    await sendQueuedMail();
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "FAILED" });
    const row = (await listPendingInvitations(team.workspace.id)).invitations.find((i) => i.email === email)!;
    expect(row.delivery).toMatchObject({ state: "failed", lastError: "The recipient address was rejected." });
    expect(await resendInvitationAction(team.workspace.slug, { invitationId: row.id })).toEqual({ ok: true, data: undefined });
    expect((await listPendingInvitations(team.workspace.id)).invitations.find((i) => i.email === email)?.delivery).toMatchObject({ state: "sending" });
  });

  it("counts members and pending invitations against the plan's seats", async () => {
    const team = await makeTeam(); // 4 members of the Free plan's 5
    actAs(team.owner.id);
    const [a, b] = [uniqueEmail("seat-a"), uniqueEmail("seat-b")];
    expect(await invite(team.workspace.slug, `${a}\n${b}`)).toEqual([
      expect.objectContaining({ email: a, outcome: "invited" }),
      { email: b, outcome: "seat_limit", message: "No seat left: the members quota is reached" },
    ]);
  });

  it("limits invitations per inviter per hour, counted in the database", async () => {
    const owner = await makeUser("Busy");
    const workspace = await db().workspace.update({ where: { id: (await makeWorkspace(owner.id)).id }, data: { plan: "PRO" } });
    actAs(owner.id);
    process.env.INVITE_LIMIT_PER_HOUR_INVITER = "2";
    try {
      const results = await invite(workspace.slug, [1, 2, 3].map((n) => uniqueEmail(`r${n}`)).join(","));
      expect(results.map((r) => r.outcome)).toEqual(["invited", "invited", "rate_limited"]);
      const pending = await db().invitation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
      expect(await resendInvitationAction(workspace.slug, { invitationId: pending.id })).toMatchObject({ ok: false, code: "LIMIT" });
    } finally {
      delete process.env.INVITE_LIMIT_PER_HOUR_INVITER;
    }
  });

  it("lets parallel invitations of one address make exactly one pending invitation", async () => {
    const team = await makeTeam();
    const email = uniqueEmail("twice");
    actAs(team.owner.id);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => inviteMembersAction(team.workspace.slug, { emails: email, role: "VIEWER" })),
    );
    const flat = outcomes.flatMap((r) => (r.ok ? r.data.results.map((x) => x.outcome) : [r.code]));
    expect(flat.filter((o) => o === "invited")).toHaveLength(1);
    expect(flat.filter((o) => o === "already_invited")).toHaveLength(5);
    expect(await db().invitation.count({ where: { workspaceId: team.workspace.id, email } })).toBe(1);
  });
});

describe("resend, revoke and copy link", () => {
  it("resend rotates the token: the old link dies, the new one works", async () => {
    const team = await makeTeam();
    actAs(team.owner.id);
    const email = uniqueEmail("rotate");
    await invite(team.workspace.slug, email);
    const oldToken = tokenOf((await mailTo(email))[0]!);
    const invitation = await db().invitation.findFirstOrThrow({ where: { email } });
    await resendInvitationAction(team.workspace.slug, { invitationId: invitation.id });
    const newToken = tokenOf((await mailTo(email))[1]!);
    expect(newToken).not.toBe(oldToken);
    expect(await db().auditEvent.count({ where: { action: "invitation.resent", targetId: invitation.id } })).toBe(1);

    const invitee = await makeUser("Rotate", email);
    actAs(invitee.id);
    expect(await acceptInvitationAction({ token: oldToken })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await acceptInvitationAction({ token: newToken })).toEqual({ ok: true, data: { workspaceSlug: team.workspace.slug } });
  });

  it("revoke kills the link and writes nothing when the link is used", async () => {
    const team = await makeTeam();
    actAs(team.admin.id);
    const email = uniqueEmail("revoked");
    await invite(team.workspace.slug, email);
    const token = tokenOf((await mailTo(email))[0]!);
    const invitation = await db().invitation.findFirstOrThrow({ where: { email } });
    expect(await revokeInvitationAction(team.workspace.slug, { invitationId: invitation.id })).toEqual({ ok: true, data: undefined });
    expect(await db().auditEvent.count({ where: { action: "invitation.revoked", targetId: invitation.id } })).toBe(1);

    const invitee = await makeUser("Revoked", email);
    actAs(invitee.id);
    const before = await rowCounts();
    expect(await acceptInvitationAction({ token })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: messageKey("errors.invitations.closedAskNew", { status: "revoked" }),
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("copies the link from mail the local transport recorded when there is no API key", async () => {
    delete process.env.RESEND_API_KEY;
    const team = await makeTeam();
    actAs(team.owner.id);
    const email = uniqueEmail("recorded");
    await invite(team.workspace.slug, email);
    await sendQueuedMail();
    const invitation = await db().invitation.findFirstOrThrow({ where: { email } });
    const recorded = await db().recordedEmail.findFirstOrThrow({ where: { invitationId: invitation.id } });
    const queued = await db().outboundEmail.findFirstOrThrow({ where: { invitationId: invitation.id } });
    expect(recorded.to).toBe(email);
    const copied = await copyInviteLinkAction(team.workspace.slug, { invitationId: invitation.id });
    expect(copied.ok && copied.data.link).toBe(linkIn({ text: openRecorded(recorded.text) } as CapturedEmail));
    // The link is a credential: nothing stored beside the token's hash holds it in clear.
    const token = (copied.ok && copied.data.link.split("/invite/")[1]) || "missing";
    expect(hashLinkToken(token)).toBe(invitation.tokenHash);
    expect(JSON.stringify(recorded)).not.toContain(token);
    expect(JSON.stringify(queued)).not.toContain(token);
    expect((await mailTo(email))).toHaveLength(0);
  });
});

describe("accepting", () => {
  async function pendingInvitation(workspaceId: string, email: string, role: "DEVELOPER" | "VIEWER" = "DEVELOPER", expiresAt = new Date(Date.now() + 3600_000)) {
    const { token, tokenHash } = newLinkToken();
    await db().invitation.create({ data: { workspaceId, email, role, tokenHash, expiresAt } });
    return token;
  }

  it("joins with the invited role, once, and only for the invited email", async () => {
    const team = await makeTeam();
    const email = uniqueEmail("joiner");
    const token = await pendingInvitation(team.workspace.id, email, "VIEWER");
    const stranger = await makeUser("Stranger");
    actAs(stranger.id);
    const before = await rowCounts();
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await declineInvitationAction({ token })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);

    const joiner = await makeUser("Joiner", email);
    actAs(joiner.id);
    expect(await acceptInvitationAction({ token })).toEqual({ ok: true, data: { workspaceSlug: team.workspace.slug } });
    expect(await db().membership.findFirst({ where: { workspaceId: team.workspace.id, userId: joiner.id } })).toMatchObject({ role: "VIEWER" });
    expect(await db().auditEvent.count({ where: { workspaceId: team.workspace.id, action: "invitation.accepted", actorId: joiner.id } })).toBe(1);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, code: "CONFLICT", error: messageKey("errors.invitations.closedAskNew", { status: "accepted" }) });
  });

  it("says an expired or unknown link plainly and writes nothing", async () => {
    const team = await makeTeam();
    const email = uniqueEmail("late");
    const token = await pendingInvitation(team.workspace.id, email, "VIEWER", new Date(Date.now() - 1000));
    const late = await makeUser("Late", email);
    actAs(late.id);
    const before = await rowCounts();
    const expired = await acceptInvitationAction({ token });
    expect(expired).toMatchObject({ code: "CONFLICT", error: messageKey("errors.invitations.closedAskNew", { status: "expired" }) });
    // The words a reader sees, in English and German.
    expect(!expired.ok && messageText(expired.error)).toBe("This invitation has expired. Ask for a new invitation.");
    expect(!expired.ok && messageText(expired.error, "de")).toBe("Diese Einladung ist abgelaufen. Bitten Sie um eine neue Einladung.");
    expect(await acceptInvitationAction({ token: newLinkToken().token })).toMatchObject({ code: "NOT_FOUND" });
    expect(await acceptInvitationAction({ token: "short" })).toMatchObject({ code: "INVALID" });
    actAs(null);
    expect(await acceptInvitationAction({ token })).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await rowCounts()).toEqual(before);
  });

  it("lets exactly one of 20 parallel accepts of one link join", async () => {
    const team = await makeTeam();
    const email = uniqueEmail("racer");
    const token = await pendingInvitation(team.workspace.id, email);
    const racer = await makeUser("Racer", email);
    actAs(racer.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => acceptInvitationAction({ token })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "CONFLICT")).toHaveLength(19);
    expect(await db().membership.count({ where: { workspaceId: team.workspace.id, userId: racer.id } })).toBe(1);
  });

  it("never passes the seat limit, even when parallel accepts race for the last seat", async () => {
    const team = await makeTeam(); // 4 of 5 seats
    const people = await Promise.all([1, 2, 3].map((n) => makeUser(`Seat ${n}`, uniqueEmail(`seat${n}`))));
    const tokens = await Promise.all(people.map((p) => pendingInvitation(team.workspace.id, p.email)));
    const results = await Promise.all(
      people.map(async (person, i) => {
        actAs(person.id);
        return acceptInvitationAction({ token: tokens[i]! });
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "LIMIT")).toHaveLength(2);
    expect(await db().membership.count({ where: { workspaceId: team.workspace.id } })).toBe(5);
  });
});

describe("who may manage invitations", () => {
  it("refuses anonymous callers, non-members, developers and viewers, writing nothing", async () => {
    const team = await makeTeam();
    actAs(team.owner.id);
    await invite(team.workspace.slug, uniqueEmail("target"));
    const invitation = await db().invitation.findFirstOrThrow({ where: { workspaceId: team.workspace.id } });
    const slug = team.workspace.slug;
    await sendQueuedMail();
    const before = await rowCounts();
    const mailsBefore = capture.emails.length;
    for (const [caller, code] of [
      [null, "UNAUTHENTICATED"],
      [team.outsider.id, "NOT_FOUND"],
      [team.viewer.id, "FORBIDDEN"],
      [team.developer.id, "FORBIDDEN"],
    ] as const) {
      actAs(caller);
      expect(await inviteMembersAction(slug, { emails: uniqueEmail("no"), role: "VIEWER" })).toMatchObject({ ok: false, code });
      expect(await resendInvitationAction(slug, { invitationId: invitation.id })).toMatchObject({ ok: false, code });
      expect(await revokeInvitationAction(slug, { invitationId: invitation.id })).toMatchObject({ ok: false, code });
      expect(await copyInviteLinkAction(slug, { invitationId: invitation.id })).toMatchObject({ ok: false, code });
    }
    expect(await rowCounts()).toEqual(before);
    await sendQueuedMail();
    expect(capture.emails.length).toBe(mailsBefore);
  });

  it("answers an invitation id from another workspace as not found, writing nothing", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    actAs(b.owner.id);
    await invite(b.workspace.slug, uniqueEmail("in-b"));
    const foreign = await db().invitation.findFirstOrThrow({ where: { workspaceId: b.workspace.id } });
    await addMember(a.workspace.id, b.owner.id, "ADMIN");
    const before = await rowCounts();
    for (const action of [resendInvitationAction, revokeInvitationAction, copyInviteLinkAction]) {
      expect(await action(a.workspace.slug, { invitationId: foreign.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await rowCounts()).toEqual(before);
  });
});
