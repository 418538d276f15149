import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMember, makeUser, makeWorkspace } from "@/tests/support/factories";
import { explainPermissions } from "./permissions";
import { loadWorkspaceContext } from "./context";

/** One developer in a fresh workspace with one project, and a way to load their context as a request would. */
async function developerWithProject() {
  const owner = await makeUser("Owner");
  const dev = await makeUser("Dev");
  const workspace = await makeWorkspace(owner.id);
  const membership = await addMember(workspace.id, dev.id, "DEVELOPER");
  const project = await db().project.create({ data: { workspaceId: workspace.id, name: "alpha", repositoryUrl: "https://example.test/a", branches: ["main"] } });
  const instance = { kind: "instance" as const, id: "i-none", projectId: project.id };
  const load = async () => (await loadWorkspaceContext(dev.id, workspace.slug))!;
  return { workspace, membership, project, instance, load, ownerId: owner.id };
}

const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

describe("grants in the member's context: every source, and expiry at query time", () => {
  it("counts a direct grant one second before its expiry and not one second after", async () => {
    const w = await developerWithProject();
    await db().memberGrant.create({ data: { membershipId: w.membership.id, actions: ["instances.restart"], projectIds: [w.project.id], expiresAt: inSeconds(1) } });
    expect((await w.load()).canOn("instances.restart", w.instance)).toBe(true);
    await db().memberGrant.update({ where: { membershipId: w.membership.id }, data: { expiresAt: inSeconds(-1) } });
    expect((await w.load()).canOn("instances.restart", w.instance)).toBe(false);
  });

  it("counts a team membership, and the team's custom roles, until the membership expires", async () => {
    const w = await developerWithProject();
    const team = await db().team.create({ data: { workspaceId: w.workspace.id, name: "Ops", actions: ["logs.view"], projectIds: [w.project.id] } });
    const role = await db().customRole.create({ data: { workspaceId: w.workspace.id, name: "Operator", actions: ["instances.restart"], projectIds: [w.project.id] } });
    await db().teamCustomRole.create({ data: { teamId: team.id, customRoleId: role.id } });
    await db().teamMember.create({ data: { teamId: team.id, membershipId: w.membership.id, expiresAt: inSeconds(1) } });
    const before = await w.load();
    expect(before.canOn("logs.view", w.instance)).toBe(true);
    expect(before.canOn("instances.restart", w.instance)).toBe(true);
    const why = explainPermissions(before.membership.role, before.grants).find((e) => e.key === "instances.restart")!;
    expect(why.sources.map((s) => s.source)).toEqual([
      { kind: "customRole", id: role.id, name: "Operator", expiresAt: expect.any(String), team: { id: team.id, name: "Ops" } },
    ]);

    await db().teamMember.update({ where: { teamId_membershipId: { teamId: team.id, membershipId: w.membership.id } }, data: { expiresAt: inSeconds(-1) } });
    const after = await w.load();
    expect(after.can("logs.view")).toBe(false);
    expect(after.can("instances.restart")).toBe(false);
  });

  it("ends a team's custom role at the assignment's own expiry while the team membership stays", async () => {
    const w = await developerWithProject();
    const team = await db().team.create({ data: { workspaceId: w.workspace.id, name: "Ops" } });
    const role = await db().customRole.create({ data: { workspaceId: w.workspace.id, name: "Operator", actions: ["instances.stop"], projectIds: [w.project.id] } });
    await db().teamMember.create({ data: { teamId: team.id, membershipId: w.membership.id } });
    await db().teamCustomRole.create({ data: { teamId: team.id, customRoleId: role.id, expiresAt: inSeconds(1) } });
    expect((await w.load()).canOn("instances.stop", w.instance)).toBe(true);
    await db().teamCustomRole.update({ where: { customRoleId_teamId: { customRoleId: role.id, teamId: team.id } }, data: { expiresAt: inSeconds(-1) } });
    expect((await w.load()).can("instances.stop")).toBe(false);
  });

  it("counts a member's custom role until it expires, with the expiry instant in UTC", async () => {
    const w = await developerWithProject();
    const role = await db().customRole.create({ data: { workspaceId: w.workspace.id, name: "Operator", actions: ["instances.restart"], projectIds: [w.project.id] } });
    const expiresAt = inSeconds(1);
    await db().memberCustomRole.create({ data: { customRoleId: role.id, membershipId: w.membership.id, expiresAt } });
    const before = await w.load();
    expect(before.canOn("instances.restart", w.instance)).toBe(true);
    expect(before.grants[0]!.source).toEqual({ kind: "customRole", id: role.id, name: "Operator", expiresAt: expiresAt.toISOString() });
    await db().memberCustomRole.update({ where: { customRoleId_membershipId: { customRoleId: role.id, membershipId: w.membership.id } }, data: { expiresAt: inSeconds(-1) } });
    expect((await w.load()).can("instances.restart")).toBe(false);
  });

  it("counts an approved access request for its one action on its one resource, until it expires", async () => {
    const w = await developerWithProject();
    const other = await db().project.create({ data: { workspaceId: w.workspace.id, name: "beta", repositoryUrl: "https://example.test/b", branches: ["main"] } });
    const request = await db().accessRequest.create({
      data: {
        workspaceId: w.workspace.id, membershipId: w.membership.id, permission: "instances.restart", resourceKind: "project",
        resourceId: w.project.id, reason: "incident", status: "APPROVED", expiresAt: inSeconds(1),
      },
    });
    // Pending, denied and revoked requests grant nothing.
    for (const status of ["PENDING", "DENIED", "REVOKED"] as const) {
      await db().accessRequest.create({
        data: { workspaceId: w.workspace.id, membershipId: w.membership.id, permission: "instances.stop", resourceKind: "project", resourceId: other.id, reason: "x", status },
      });
    }
    const before = await w.load();
    expect(before.canOn("instances.restart", w.instance)).toBe(true);
    expect(before.canOn("instances.restart", { kind: "instance", id: "i2", projectId: other.id })).toBe(false);
    expect(before.can("instances.stop")).toBe(false);
    expect(before.grants.map((g) => g.source?.kind)).toEqual(["accessRequest"]);
    await db().accessRequest.update({ where: { id: request.id }, data: { expiresAt: inSeconds(-1) } });
    expect((await w.load()).can("instances.restart")).toBe(false);
  });

  it("gives an approved request without a resource its action alone", async () => {
    const w = await developerWithProject();
    await db().accessRequest.create({
      data: { workspaceId: w.workspace.id, membershipId: w.membership.id, permission: "logs.view", reason: "debug", status: "APPROVED" },
    });
    const ctx = await w.load();
    expect(ctx.can("logs.view")).toBe(true);
    expect(ctx.canSee(w.instance)).toBe(false);
  });
});
