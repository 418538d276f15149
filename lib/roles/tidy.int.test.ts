import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMember, makeUser, makeWorkspace } from "@/tests/support/factories";
import { tidyExpiredGrants } from "./tidy";

describe("tidying expired grants", () => {
  it("deletes expired assignments, keeps live ones and approved requests, and audits each once", async () => {
    const owner = await makeUser("Owner");
    const dev = await makeUser("Dev");
    const workspace = await makeWorkspace(owner.id);
    const membership = await addMember(workspace.id, dev.id, "DEVELOPER");
    const past = new Date(Date.now() - 1000);
    const future = new Date(Date.now() + 3_600_000);
    const team = await db().team.create({ data: { workspaceId: workspace.id, name: "Ops" } });
    const other = await db().team.create({ data: { workspaceId: workspace.id, name: "Night shift" } });
    const role = await db().customRole.create({ data: { workspaceId: workspace.id, name: "Operator", actions: ["instances.restart"] } });
    const live = await db().customRole.create({ data: { workspaceId: workspace.id, name: "Reader", actions: ["logs.view"] } });
    await db().memberGrant.create({ data: { membershipId: membership.id, actions: ["logs.view"], expiresAt: past } });
    await db().teamMember.create({ data: { teamId: team.id, membershipId: membership.id, expiresAt: past } });
    await db().teamMember.create({ data: { teamId: other.id, membershipId: membership.id, expiresAt: future } });
    await db().memberCustomRole.create({ data: { customRoleId: role.id, membershipId: membership.id, expiresAt: past } });
    await db().memberCustomRole.create({ data: { customRoleId: live.id, membershipId: membership.id } });
    await db().teamCustomRole.create({ data: { customRoleId: role.id, teamId: other.id, expiresAt: past } });
    const request = await db().accessRequest.create({
      data: { workspaceId: workspace.id, membershipId: membership.id, permission: "instances.stop", reason: "incident", status: "APPROVED", expiresAt: past },
    });

    expect(await tidyExpiredGrants()).toBeGreaterThanOrEqual(5);
    expect(await db().memberGrant.count({ where: { membershipId: membership.id } })).toBe(0);
    expect(await db().teamMember.findMany({ where: { membershipId: membership.id }, select: { teamId: true } })).toEqual([{ teamId: other.id }]);
    expect(await db().memberCustomRole.findMany({ where: { membershipId: membership.id }, select: { customRoleId: true } })).toEqual([{ customRoleId: live.id }]);
    expect(await db().teamCustomRole.count({ where: { teamId: other.id } })).toBe(0);
    expect((await db().accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("APPROVED");

    const events = await db().auditEvent.findMany({ where: { workspaceId: workspace.id, action: "grant.expired" }, select: { metadata: true } });
    expect(events.map((e) => (e.metadata as { kind: string }).kind).sort()).toEqual([
      "access_request",
      "direct_grant",
      "member_custom_role",
      "team_custom_role",
      "team_membership",
    ]);
    // A second pass finds nothing of this workspace: the request is noted once, the rows are gone.
    await tidyExpiredGrants();
    expect(await db().auditEvent.count({ where: { workspaceId: workspace.id, action: "grant.expired" } })).toBe(5);
  });
});
