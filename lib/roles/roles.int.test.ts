import { messageKey } from "@/lib/i18n/message-key";
import { describe, expect, it } from "vitest";
import { loadWorkspaceContext } from "@/lib/authz/context";
import type { WorkspaceActionContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { updateMemberPermissionsAction } from "@/lib/members/actions";
import { addTeamMemberAction } from "@/lib/teams/actions";
import { addMember, makeTeam, makeUser, makeWorkspace } from "@/tests/support/factories";
import { forged } from "@/tests/support/forged";
import { actAs } from "@/tests/support/session";
import {
  assignMemberRoleAction,
  assignTeamRoleAction,
  createCustomRoleAction,
  deleteCustomRoleAction,
  unassignMemberRoleAction,
  updateCustomRoleAction,
} from "./actions";
import { explainMyAccess, listCustomRoles } from "./queries";
import { sentenceForYou } from "./explain";
import { assignTeamRole, createCustomRole } from "./service";

async function setUp() {
  const team = await makeTeam();
  const w = team.workspace;
  const alpha = await db().project.create({ data: { workspaceId: w.id, name: "alpha", repositoryUrl: "https://example.test/a", branches: ["main"] } });
  const beta = await db().project.create({ data: { workspaceId: w.id, name: "beta", repositoryUrl: "https://example.test/b", branches: ["main"] } });
  const server = await db().server.create({ data: { workspaceId: w.id, name: "s1", region: "eu-west-1", address: "10.0.0.1" } });
  const onAlpha = { kind: "instance" as const, id: "i-none", projectId: alpha.id };
  const onBeta = { kind: "instance" as const, id: "i-none", projectId: beta.id };
  const devContext = async () => (await loadWorkspaceContext(team.developer.id, w.slug))!;
  return { ...team, alpha, beta, server, onAlpha, onBeta, devContext };
}

const operator = (projectId: string) => ({
  name: "Operator",
  description: "Restarts and stops production",
  actions: ["instances.restart" as const, "instances.stop" as const, "logs.view" as const],
  projectIds: [projectId],
  instanceIds: [],
  serverIds: [],
});

describe("custom roles", () => {
  it("lets an admin create, assign, edit and delete a role; holders change at their next request; every step audited", async () => {
    const t = await setUp();
    actAs(t.admin.id);
    const created = await createCustomRoleAction(t.workspace.slug, operator(t.alpha.id));
    expect(created).toMatchObject({ ok: true });
    const roleId = (created as { data: { id: string } }).data.id;
    expect(await assignMemberRoleAction(t.workspace.slug, { customRoleId: roleId, membershipId: t.memberships.developer.id, expiry: "never" })).toMatchObject({ ok: true });

    const before = await t.devContext();
    expect(before.canOn("instances.restart", t.onAlpha)).toBe(true);
    expect(before.canOn("instances.restart", t.onBeta)).toBe(false);
    const why = await explainMyAccess(before);
    const restart = why.find((line) => line.key === "instances.restart")!;
    expect(sentenceForYou(restart, restart.sources[0]!)).toBe("You can use “Restart” on alpha because you hold the role Operator.");

    // Editing the role moves every holder at their next request: no fan-out, no job.
    expect(await updateCustomRoleAction(t.workspace.slug, { ...operator(t.beta.id), actions: ["logs.view"], customRoleId: roleId })).toMatchObject({ ok: true });
    const after = await t.devContext();
    expect(after.can("instances.restart")).toBe(false);
    expect(after.canOn("logs.view", t.onBeta)).toBe(true);
    expect(after.canOn("logs.view", t.onAlpha)).toBe(false);

    expect((await listCustomRoles(t.workspace.id))[0]).toMatchObject({ name: "Operator", memberCount: 1, teamCount: 0 });
    expect(await deleteCustomRoleAction(t.workspace.slug, { customRoleId: roleId })).toMatchObject({ ok: true });
    expect((await t.devContext()).can("logs.view")).toBe(false);

    const actions = (await db().auditEvent.findMany({ where: { workspaceId: t.workspace.id, targetId: { in: [roleId, t.memberships.developer.id] } }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["custom_role.created", "custom_role.assigned", "custom_role.updated", "custom_role.deleted"]);
  });

  it("refuses owner-only, staff and unknown keys in a role, foreign resources, and a duplicate name", async () => {
    const t = await setUp();
    const other = await makeWorkspace((await makeUser("Elsewhere")).id);
    const foreignProject = await db().project.create({ data: { workspaceId: other.id, name: "x", repositoryUrl: "https://example.test/x", branches: ["main"] } });
    actAs(t.owner.id);
    for (const key of ["workspace.delete", "billing.manage", "members.manage", "secrets.manage", "nonsense"]) {
      expect(await createCustomRoleAction(t.workspace.slug, forged({ ...operator(t.alpha.id), actions: [key] }))).toMatchObject({ ok: false, code: "INVALID" });
    }
    expect(await createCustomRoleAction(t.workspace.slug, operator(foreignProject.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await createCustomRoleAction(t.workspace.slug, operator(t.alpha.id))).toMatchObject({ ok: true });
    expect(await createCustomRoleAction(t.workspace.slug, operator(t.beta.id))).toMatchObject({
      ok: false,
      fieldErrors: { name: messageKey("errors.roles.nameTaken") },
    });
    expect(await db().customRole.count({ where: { workspaceId: t.workspace.id } })).toBe(1);
  });

  it("lets nobody below Admin manage or assign roles, and no admin assign one to an admin", async () => {
    const t = await setUp();
    const role = await db().customRole.create({ data: { workspaceId: t.workspace.id, ...operator(t.alpha.id) } });
    for (const caller of [t.developer, t.viewer]) {
      actAs(caller.id);
      expect(await createCustomRoleAction(t.workspace.slug, { ...operator(t.alpha.id), name: "Mine" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await assignMemberRoleAction(t.workspace.slug, { customRoleId: role.id, membershipId: t.memberships.developer.id, expiry: "never" })).toMatchObject({ ok: false });
    }
    actAs(t.admin.id);
    expect(await assignMemberRoleAction(t.workspace.slug, { customRoleId: role.id, membershipId: t.memberships.admin.id, expiry: "never" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db().memberCustomRole.count({ where: { customRoleId: role.id } })).toBe(0);
  });

  it("refuses to create or assign a role that grants more than the assigner holds, whoever reaches the service", async () => {
    const t = await setUp();
    // A developer holding restart on alpha only: the rule itself, below the permission gate that stops them first.
    await db().memberGrant.create({ data: { membershipId: t.memberships.developer.id, actions: ["instances.restart"], projectIds: [t.alpha.id] } });
    const dev = await t.devContext();
    const team = await db().team.create({ data: { workspaceId: t.workspace.id, name: "Ops" } });
    const wider = await db().customRole.create({ data: { workspaceId: t.workspace.id, ...operator(t.alpha.id) } });
    const elsewhere = await db().customRole.create({ data: { workspaceId: t.workspace.id, name: "Beta restarter", actions: ["instances.restart"], projectIds: [t.beta.id] } });
    const run = (work: (ctx: WorkspaceActionContext) => Promise<unknown>) =>
      db().$transaction((tx) =>
        work({ ...dev, scope: "workspace", actor: { userId: t.developer.id, ip: null }, ip: null, userAgent: null, sessionId: null, origin: async () => "", tx, afterCommit: () => {}, audit: async () => {} }),
      ).catch((error: unknown) => error);
    const refusal = (value: unknown) => (value instanceof Refusal ? { code: value.code, fields: value.fieldErrors } : value);
    expect(refusal(await run((ctx) => createCustomRole(ctx, { ...operator(t.alpha.id), name: "More" })))).toMatchObject({ fields: { actions: expect.any(String) } });
    expect(refusal(await run((ctx) => assignTeamRole(ctx, { customRoleId: wider.id, teamId: team.id, expiry: "never" })))).toMatchObject({ fields: { actions: expect.any(String) } });
    expect(refusal(await run((ctx) => assignTeamRole(ctx, { customRoleId: elsewhere.id, teamId: team.id, expiry: "never" })))).toMatchObject({ fields: { projectIds: expect.any(String) } });
    expect(await db().teamCustomRole.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("gives a team's members the team's custom role, explained through the team", async () => {
    const t = await setUp();
    const role = await db().customRole.create({ data: { workspaceId: t.workspace.id, ...operator(t.alpha.id) } });
    const team = await db().team.create({ data: { workspaceId: t.workspace.id, name: "Ops" } });
    actAs(t.admin.id);
    expect(await addTeamMemberAction(t.workspace.slug, { teamId: team.id, membershipId: t.memberships.developer.id, expiry: "24h" })).toMatchObject({ ok: true });
    expect(await assignTeamRoleAction(t.workspace.slug, { customRoleId: role.id, teamId: team.id, expiry: "7d" })).toMatchObject({ ok: true });
    const ctx = await t.devContext();
    expect(ctx.canOn("instances.stop", t.onAlpha)).toBe(true);
    const stop = (await explainMyAccess(ctx)).find((line) => line.key === "instances.stop")!;
    // The team membership (24 hours) ends before the role's assignment (7 days): the earlier one counts.
    const link = await db().teamMember.findFirstOrThrow({ where: { teamId: team.id } });
    expect(stop.sources).toEqual([
      expect.objectContaining({ name: "custom role Operator (through team Ops)", resources: ["alpha"], expiresAt: link.expiresAt!.toISOString() }),
    ]);
    expect(sentenceForYou(stop, stop.sources[0]!)).toBe("You can use “Stop and start” on alpha because you are in team Ops, which holds the role Operator.");
  });

  it("gives a direct grant an expiry that a later save keeps unless changed, and refuses a day already over", async () => {
    const t = await setUp();
    actAs(t.admin.id);
    const grant = { membershipId: t.memberships.developer.id, actions: ["logs.view" as const], projectIds: [t.alpha.id], instanceIds: [], serverIds: [] };
    expect(await updateMemberPermissionsAction(t.workspace.slug, { ...grant, expiry: "24h" })).toMatchObject({ ok: true });
    const first = (await db().memberGrant.findUniqueOrThrow({ where: { membershipId: grant.membershipId } })).expiresAt!;
    expect(first.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await updateMemberPermissionsAction(t.workspace.slug, { ...grant, projectIds: [t.beta.id], expiry: "keep" })).toMatchObject({ ok: true });
    expect((await db().memberGrant.findUniqueOrThrow({ where: { membershipId: grant.membershipId } })).expiresAt).toEqual(first);
    expect(await updateMemberPermissionsAction(t.workspace.slug, { ...grant, expiry: "date", until: "2001-01-01" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await updateMemberPermissionsAction(t.workspace.slug, { ...grant, expiry: "never" })).toMatchObject({ ok: true });
    expect((await db().memberGrant.findUniqueOrThrow({ where: { membershipId: grant.membershipId } })).expiresAt).toBeNull();
  });

  it("lets an admin remove a member's role, and answers not found for a role of another workspace", async () => {
    const t = await setUp();
    const other = await setUp();
    const role = await db().customRole.create({ data: { workspaceId: t.workspace.id, ...operator(t.alpha.id) } });
    const foreign = await db().customRole.create({ data: { workspaceId: other.workspace.id, ...operator(other.alpha.id) } });
    await db().memberCustomRole.create({ data: { customRoleId: role.id, membershipId: t.memberships.developer.id } });
    actAs(t.admin.id);
    expect(await assignMemberRoleAction(t.workspace.slug, { customRoleId: foreign.id, membershipId: t.memberships.developer.id, expiry: "never" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await unassignMemberRoleAction(t.workspace.slug, { customRoleId: role.id, membershipId: t.memberships.developer.id })).toMatchObject({ ok: true });
    expect((await t.devContext()).can("instances.restart")).toBe(false);
  });
});

describe("expiry through the real context load", () => {
  it("holds a custom role one second before its expiry and loses it one second after", async () => {
    const t = await setUp();
    const role = await db().customRole.create({ data: { workspaceId: t.workspace.id, ...operator(t.alpha.id) } });
    const key = { customRoleId: role.id, membershipId: t.memberships.developer.id };
    await db().memberCustomRole.create({ data: { ...key, expiresAt: new Date(Date.now() + 1000) } });
    expect((await t.devContext()).canOn("instances.restart", t.onAlpha)).toBe(true);
    await db().memberCustomRole.update({ where: { customRoleId_membershipId: key }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.devContext()).can("instances.restart")).toBe(false);
  });

  it("ends a viewer's team floor with the team membership", async () => {
    const t = await setUp();
    const team = await db().team.create({ data: { workspaceId: t.workspace.id, name: "Builders", roleFloor: "DEVELOPER" } });
    const viewer = await addMember(t.workspace.id, (await makeUser("V2")).id, "VIEWER");
    const load = async () => (await loadWorkspaceContext(viewer.userId, t.workspace.slug))!;
    await db().teamMember.create({ data: { teamId: team.id, membershipId: viewer.id, expiresAt: new Date(Date.now() + 1000) } });
    expect((await load()).permissions.role).toBe("DEVELOPER");
    await db().teamMember.update({ where: { teamId_membershipId: { teamId: team.id, membershipId: viewer.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await load()).permissions.role).toBe("VIEWER");
  });
});
