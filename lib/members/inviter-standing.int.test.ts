import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitationAction, inviteMembersAction } from "@/lib/invitations/actions";
import { changeMemberRoleAction, leaveWorkspaceAction, removeMemberAction } from "@/lib/members/actions";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { makeTeam, makeUser, uniqueEmail } from "@/tests/support/factories";
import { newLinkToken } from "@/lib/crypto/link-token";

beforeAll(() => {
  delete process.env.RESEND_API_KEY; // mail is recorded; these tests are about who may still join
});

async function inviteAs(userId: string, slug: string, role: "ADMIN" | "DEVELOPER" | "VIEWER") {
  actAs(userId);
  const email = uniqueEmail(role.toLowerCase());
  const result = await inviteMembersAction(slug, { emails: email, role });
  expect(result).toMatchObject({ ok: true, data: { results: [{ outcome: "invited" }] } });
  return email;
}

const pendingFrom = (workspaceId: string, invitedById: string) =>
  db().invitation.findMany({ where: { workspaceId, invitedById, revokedAt: null, acceptedAt: null }, select: { email: true, role: true } });

describe("an inviter's pending invitations", () => {
  it("die when the admin who sent them is removed, in the same change: the second address cannot join", async () => {
    const team = await roomyTeam();
    await inviteAs(team.admin.id, team.workspace.slug, "ADMIN");
    const second = await inviteAs(team.admin.id, team.workspace.slug, "VIEWER");
    actAs(team.owner.id);
    expect(await removeMemberAction(team.workspace.slug, { membershipId: team.memberships.admin.id })).toMatchObject({ ok: true });
    expect(await pendingFrom(team.workspace.id, team.admin.id)).toEqual([]);

    // The removed admin signs up with the second address they invited and tries the link.
    const alias = await makeUser("Alias", second);
    const { token } = await freshTokenFor(team.workspace.id, second);
    actAs(alias.id);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false });
    expect(await db().membership.count({ where: { workspaceId: team.workspace.id, userId: alias.id } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: team.workspace.id, action: "invitations.revoked_with_inviter" } });
    expect(event).toMatchObject({ actorId: team.owner.id, targetId: team.admin.id, metadata: { count: 2, inviterRole: null } });
  });

  it("die above the new role when the inviter is demoted, and all of them below a role that may invite", async () => {
    const team = await roomyTeam();
    const admin = await inviteAs(team.admin.id, team.workspace.slug, "ADMIN");
    const developer = await inviteAs(team.admin.id, team.workspace.slug, "DEVELOPER");
    actAs(team.owner.id);
    expect(await changeMemberRoleAction(team.workspace.slug, { membershipId: team.memberships.admin.id, role: "DEVELOPER" })).toMatchObject({ ok: true });
    // A developer may not invite at all, so nothing they sent stays alive.
    expect(await pendingFrom(team.workspace.id, team.admin.id)).toEqual([]);
    const revoked = await db().invitation.findMany({ where: { email: { in: [admin, developer] } }, select: { revokedAt: true } });
    expect(revoked.every((invitation) => invitation.revokedAt !== null)).toBe(true);
  });

  it("die when their sender leaves, and the owner's own invitations are untouched", async () => {
    const team = await roomyTeam();
    await inviteAs(team.admin.id, team.workspace.slug, "VIEWER");
    const ownersInvite = await inviteAs(team.owner.id, team.workspace.slug, "VIEWER");
    actAs(team.admin.id);
    expect(await leaveWorkspaceAction(team.workspace.slug, {})).toMatchObject({ ok: true });
    expect(await pendingFrom(team.workspace.id, team.admin.id)).toEqual([]);
    expect(await pendingFrom(team.workspace.id, team.owner.id)).toEqual([{ email: ownersInvite, role: "VIEWER" }]);
  });
});

/** Seats enough for every invitation these tests send. */
async function roomyTeam() {
  const team = await makeTeam();
  await db().workspace.update({ where: { id: team.workspace.id }, data: { plan: "ENTERPRISE" } });
  return team;
}

/** The link a person would hold: the invitation keeps only the token's hash, so the test sets a known one. */
async function freshTokenFor(workspaceId: string, email: string) {
  const { token, tokenHash } = newLinkToken();
  await db().invitation.update({ where: { workspaceId_email: { workspaceId, email } }, data: { tokenHash } });
  return { token };
}
