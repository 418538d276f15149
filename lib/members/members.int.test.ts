import { describe, expect, it } from "vitest";
import { messageKey } from "@/lib/i18n/message-key";
import { changeMemberRoleAction, leaveWorkspaceAction, removeMemberAction, transferOwnershipAction } from "@/lib/members/actions";
import { loadWorkspaceContext } from "@/lib/authz/context";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { addMember, makeTeam, makeUser, makeWorkspace, rowCounts } from "@/tests/support/factories";
import { forged } from "@/tests/support/forged";

const owners = (workspaceId: string) => db().membership.count({ where: { workspaceId, role: "OWNER" } });
const roleOf = async (membershipId: string) => (await db().membership.findUnique({ where: { id: membershipId } }))?.role ?? null;

describe("changing roles", () => {
  it("lets an admin change a developer's role, audited with before and after", async () => {
    const team = await makeTeam();
    actAs(team.admin.id);
    const result = await changeMemberRoleAction(team.workspace.slug, { membershipId: team.memberships.developer.id, role: "VIEWER" });
    expect(result).toEqual({ ok: true, data: { role: "VIEWER" } });
    expect(await roleOf(team.memberships.developer.id)).toBe("VIEWER");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "member.role_changed", targetId: team.memberships.developer.id } });
    expect(event).toMatchObject({ actorId: team.admin.id, metadata: { from: "DEVELOPER", to: "VIEWER" } });
  });

  it("never lets an admin demote the owner, nor anyone change their own role, nor make a second owner", async () => {
    const team = await makeTeam();
    const ownerMembership = await db().membership.findFirstOrThrow({ where: { workspaceId: team.workspace.id, role: "OWNER" } });
    const slug = team.workspace.slug;
    const before = await rowCounts();
    actAs(team.admin.id);
    expect(await changeMemberRoleAction(slug, { membershipId: ownerMembership.id, role: "VIEWER" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await changeMemberRoleAction(slug, { membershipId: team.memberships.admin.id, role: "VIEWER" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: messageKey("errors.members.ownRole"),
    });
    expect(await changeMemberRoleAction(slug, forged({ membershipId: team.memberships.viewer.id, role: "OWNER" }))).toMatchObject({ ok: false, code: "INVALID" });
    expect(await removeMemberAction(slug, { membershipId: ownerMembership.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(team.owner.id);
    expect(await changeMemberRoleAction(slug, { membershipId: ownerMembership.id, role: "ADMIN" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("removing and leaving", () => {
  it("removes a member, who loses access on their next request", async () => {
    const team = await makeTeam();
    actAs(team.admin.id);
    expect(await removeMemberAction(team.workspace.slug, { membershipId: team.memberships.developer.id })).toEqual({ ok: true, data: undefined });
    expect(await loadWorkspaceContext(team.developer.id, team.workspace.slug)).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "member.removed", targetId: team.memberships.developer.id } })).toBe(1);
  });

  it("lets a member leave, but never the owner (of a shared or a personal workspace)", async () => {
    const team = await makeTeam();
    actAs(team.viewer.id);
    expect(await leaveWorkspaceAction(team.workspace.slug, {})).toEqual({ ok: true, data: undefined });
    expect(await db().auditEvent.count({ where: { action: "member.left", actorId: team.viewer.id } })).toBe(1);
    const before = await rowCounts();
    actAs(team.owner.id);
    expect(await leaveWorkspaceAction(team.workspace.slug, {})).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await leaveWorkspaceAction(team.owner.personalWorkspaceSlug, {})).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("transferring ownership", () => {
  it("needs the slug typed, then flips the roles in one step", async () => {
    const team = await makeTeam();
    const ownerMembership = await db().membership.findFirstOrThrow({ where: { workspaceId: team.workspace.id, role: "OWNER" } });
    actAs(team.owner.id);
    const before = await rowCounts();
    expect(await transferOwnershipAction(team.workspace.slug, { membershipId: team.memberships.developer.id, confirmSlug: "wrong" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { confirmSlug: messageKey("errors.members.typeSlug", { slug: team.workspace.slug }) },
    });
    expect(await rowCounts()).toEqual(before);

    const result = await transferOwnershipAction(team.workspace.slug, { membershipId: team.memberships.developer.id, confirmSlug: team.workspace.slug });
    expect(result.ok).toBe(true);
    expect(await roleOf(team.memberships.developer.id)).toBe("OWNER");
    expect(await roleOf(ownerMembership.id)).toBe("ADMIN");
    expect(await owners(team.workspace.id)).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "workspace.ownership_transferred", actorId: team.owner.id } })).toBe(1);
  });

  it("is the owner's alone, and never moves a personal workspace", async () => {
    const team = await makeTeam();
    const before = await rowCounts();
    actAs(team.admin.id);
    expect(await transferOwnershipAction(team.workspace.slug, { membershipId: team.memberships.developer.id, confirmSlug: team.workspace.slug })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await rowCounts()).toEqual(before);
    const friend = await makeUser("Friend");
    const personal = await db().workspace.findUniqueOrThrow({ where: { slug: team.owner.personalWorkspaceSlug } });
    const friendship = await addMember(personal.id, friend.id, "ADMIN");
    const afterSetup = await rowCounts();
    actAs(team.owner.id);
    expect(await transferOwnershipAction(personal.slug, { membershipId: friendship.id, confirmSlug: personal.slug })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: messageKey("errors.members.personalStays"),
    });
    expect(await rowCounts()).toEqual(afterSetup);
  });

  it("counts against the recipient's cap of owned workspaces, like creating one would", async () => {
    const team = await makeTeam();
    // The developer already owns as many workspaces as a Free personal plan allows (3).
    for (let i = 0; i < 3; i++) await makeWorkspace(team.developer.id);
    const before = await rowCounts();
    actAs(team.owner.id);
    expect(await transferOwnershipAction(team.workspace.slug, { membershipId: team.memberships.developer.id, confirmSlug: team.workspace.slug })).toMatchObject({
      ok: false,
      code: "LIMIT",
      error: messageKey("errors.workspaces.ownLimitRecipient", { name: team.developer.name, count: 3, plan: "Free" }),
    });
    expect(await rowCounts()).toEqual(before);
    expect(await owners(team.workspace.id)).toBe(1);
  });
});

describe("member management under concurrency", () => {
  it("never leaves a workspace with zero or two owners when transfers, demotions and removals race", async () => {
    for (let round = 0; round < 5; round++) {
      const team = await makeTeam();
      const second = await makeUser(`Second admin ${round}`);
      const secondMembership = await addMember(team.workspace.id, second.id, "ADMIN");
      const slug = team.workspace.slug;
      const as = <T>(userId: string, call: () => Promise<T>) => {
        actAs(userId);
        return call();
      };
      await Promise.all([
        as(team.owner.id, () => transferOwnershipAction(slug, { membershipId: team.memberships.admin.id, confirmSlug: slug })),
        as(team.owner.id, () => transferOwnershipAction(slug, { membershipId: secondMembership.id, confirmSlug: slug })),
        as(second.id, () => changeMemberRoleAction(slug, { membershipId: team.memberships.admin.id, role: "VIEWER" })),
        as(team.admin.id, () => removeMemberAction(slug, { membershipId: secondMembership.id })),
        as(team.admin.id, () => changeMemberRoleAction(slug, { membershipId: secondMembership.id, role: "DEVELOPER" })),
        as(second.id, () => leaveWorkspaceAction(slug, {})),
      ]);
      expect(await owners(team.workspace.id)).toBe(1);
    }
  });
});

describe("who may manage members", () => {
  it("refuses anonymous callers, non-members, developers and viewers, writing nothing", async () => {
    const team = await makeTeam();
    const slug = team.workspace.slug;
    const target = team.memberships.viewer.id;
    const before = await rowCounts();
    for (const [caller, code] of [
      [null, "UNAUTHENTICATED"],
      [team.outsider.id, "NOT_FOUND"],
      [team.viewer.id, "FORBIDDEN"],
      [team.developer.id, "FORBIDDEN"],
    ] as const) {
      actAs(caller);
      expect(await changeMemberRoleAction(slug, { membershipId: target, role: "DEVELOPER" })).toMatchObject({ ok: false, code });
      expect(await removeMemberAction(slug, { membershipId: target })).toMatchObject({ ok: false, code });
      expect(await transferOwnershipAction(slug, { membershipId: target, confirmSlug: slug })).toMatchObject({ ok: false, code });
      if (caller === null || caller === team.outsider.id) {
        expect(await leaveWorkspaceAction(slug, {})).toMatchObject({ ok: false, code });
      }
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a membership id from another workspace as not found, writing nothing", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const before = await rowCounts();
    actAs(a.owner.id);
    const foreign = b.memberships.developer.id;
    expect(await changeMemberRoleAction(a.workspace.slug, { membershipId: foreign, role: "VIEWER" })).toMatchObject({ code: "NOT_FOUND" });
    expect(await removeMemberAction(a.workspace.slug, { membershipId: foreign })).toMatchObject({ code: "NOT_FOUND" });
    expect(await transferOwnershipAction(a.workspace.slug, { membershipId: foreign, confirmSlug: a.workspace.slug })).toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });
});
