import { beforeEach, describe, expect, it } from "vitest";
import { messageKey } from "@/lib/i18n/message-key";
import { listWorkspacesRoute as GET } from "@/lib/workspaces/routes";
import { createWorkspaceAction, setDefaultWorkspaceAction } from "@/lib/workspaces/actions";
import { loadWorkspaceContext } from "@/lib/authz/context";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { addMember, makeUser, makeWorkspace, rowCounts } from "@/tests/support/factories";
import { makePeople, makeWorld } from "@/tests/support/world";
import { landingWorkspaceSlug, listWorkspacesForUser, workspaceOverview } from "./queries";
import { forged } from "@/tests/support/forged";

describe("create workspace", () => {
  let user: Awaited<ReturnType<typeof makeUser>>;
  beforeEach(async () => {
    user = await makeUser("Creator");
    actAs(user.id);
  });

  it("makes the creator its owner and records the event", async () => {
    const result = await createWorkspaceAction({ name: "Orbit Labs", slug: "orbit-labs", kind: "PROJECT" });
    expect(result).toEqual({ ok: true, data: { slug: "orbit-labs" } });
    const workspace = await db().workspace.findUniqueOrThrow({
      where: { slug: "orbit-labs" },
      include: { memberships: true, auditEvents: true },
    });
    expect(workspace.memberships).toMatchObject([{ userId: user.id, role: "OWNER" }]);
    expect(workspace.auditEvents).toMatchObject([{ action: "workspace.created", actorId: user.id, ip: "127.0.0.1" }]);
  });

  it("stores an environment's stage", async () => {
    await createWorkspaceAction({ name: "Prod", slug: "prod-env", kind: "ENVIRONMENT", stage: "PRODUCTION" });
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: "prod-env" } });
    expect(workspace).toMatchObject({ kind: "ENVIRONMENT", stage: "PRODUCTION" });
  });

  it("answers a taken slug with a field error and writes nothing", async () => {
    await createWorkspaceAction({ name: "First", slug: "taken-slug", kind: "PROJECT" });
    const before = await rowCounts();
    const result = await createWorkspaceAction({ name: "Second", slug: "Taken-Slug", kind: "PROJECT" });
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { slug: messageKey("errors.workspaces.slugTaken") } });
    expect(await rowCounts()).toEqual(before);
  });

  it("lets exactly one of two racing requests for one slug through; the other gets the field error", async () => {
    const results = await Promise.all(
      ["Racer A", "Racer B", "Racer C"].map((name) => createWorkspaceAction({ name, slug: "photo-finish", kind: "PROJECT" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused).toMatchObject({ code: "INVALID", fieldErrors: { slug: messageKey("errors.workspaces.slugTaken") } });
    }
    expect(await db().workspace.count({ where: { slug: "photo-finish" } })).toBe(1);
  });

  it.each([
    [{ name: "", slug: "valid-slug", kind: "PROJECT" }, "name"],
    [{ name: "Reserved", slug: "settings", kind: "PROJECT" }, "slug"],
    [{ name: "Bad", slug: "-bad-", kind: "PROJECT" }, "slug"],
    [{ name: "Env", slug: "env-no-stage", kind: "ENVIRONMENT" }, "stage"],
    [{ name: "Personal", slug: "sneaky", kind: "PERSONAL" }, "kind"],
    ["not even an object", "_form"],
  ])("refuses bad input %j with a field error on %s and writes nothing", async (input, field) => {
    const before = await rowCounts();
    const result = await createWorkspaceAction(forged(input));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe("INVALID");
      expect(result.fieldErrors).toHaveProperty([field]);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a signed-out caller and writes nothing", async () => {
    actAs(null);
    const before = await rowCounts();
    const result = await createWorkspaceAction({ name: "Anon", slug: "anon-ws", kind: "PROJECT" });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("default workspace", () => {
  it("can be set to a workspace the user belongs to", async () => {
    const owner = await makeUser("Owner");
    const member = await makeUser("Member");
    const workspace = await makeWorkspace(owner.id);
    await addMember(workspace.id, member.id, "VIEWER");
    actAs(member.id);
    expect(await setDefaultWorkspaceAction({ workspaceId: workspace.id })).toEqual({ ok: true, data: undefined });
    expect(await landingWorkspaceSlug(member.id)).toBe(workspace.slug);
    const listed = await listWorkspacesForUser(member.id);
    expect(listed.map((w) => [w.slug, w.role, w.isDefault])).toEqual([
      [member.personalWorkspaceSlug, "OWNER", false],
      [workspace.slug, "VIEWER", true],
    ]);
  });

  it("cannot be set to another tenant's workspace: not found, nothing written", async () => {
    const owner = await makeUser("Owner");
    const outsider = await makeUser("Outsider");
    const workspace = await makeWorkspace(owner.id);
    actAs(outsider.id);
    const result = await setDefaultWorkspaceAction({ workspaceId: workspace.id });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const after = await db().user.findUniqueOrThrow({ where: { id: outsider.id }, include: { defaultWorkspace: true } });
    expect(after.defaultWorkspace?.slug).toBe(outsider.personalWorkspaceSlug);
  });

  it("falls back to the personal workspace once the default one is left", async () => {
    const owner = await makeUser("Owner");
    const member = await makeUser("Member");
    const workspace = await makeWorkspace(owner.id);
    const membership = await addMember(workspace.id, member.id, "DEVELOPER");
    await db().user.update({ where: { id: member.id }, data: { defaultWorkspaceId: workspace.id } });
    await db().membership.delete({ where: { id: membership.id } });
    expect(await landingWorkspaceSlug(member.id)).toBe(member.personalWorkspaceSlug);
  });

  it("falls back to the personal workspace once the default one is deleted", async () => {
    const owner = await makeUser("Owner");
    const workspace = await makeWorkspace(owner.id);
    await db().user.update({ where: { id: owner.id }, data: { defaultWorkspaceId: workspace.id } });
    await db().workspace.delete({ where: { id: workspace.id } });
    expect(await landingWorkspaceSlug(owner.id)).toBe(owner.personalWorkspaceSlug);
  });
});

describe("the switcher's list (GET /api/workspaces)", () => {
  it("answers the caller's workspaces with their role in each, and none of anyone else's", async () => {
    const owner = await makeUser("Owner");
    const member = await makeUser("Member");
    const shared = await makeWorkspace(owner.id);
    const ownersOnly = await makeWorkspace(owner.id);
    await addMember(shared.id, member.id, "DEVELOPER");
    actAs(member.id);
    const response = await GET(new Request("http://app.test/api/workspaces"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = (await response.json()) as { workspaces: { slug: string; role: string }[] };
    expect(body.workspaces.map((w) => [w.slug, w.role])).toEqual([
      [member.personalWorkspaceSlug, "OWNER"],
      [shared.slug, "DEVELOPER"],
    ]);
    expect(JSON.stringify(body)).not.toContain(ownersOnly.slug);

    actAs(null);
    const signedOut = await GET(new Request("http://app.test/api/workspaces"));
    expect(signedOut.status).toBe(401);
  });
});

describe("overview", () => {
  it("counts members by role and only the resources the caller may see, in this workspace alone", async () => {
    const people = await makePeople();
    const [world] = [await makeWorld(people), await makeWorld(people)];
    const overviewAs = async (userId: string) => workspaceOverview((await loadWorkspaceContext(userId, world.workspace.slug))!);

    const owner = await overviewAs(people.owner.id);
    expect(owner.memberCount).toBe(7);
    expect(owner.membersByRole).toEqual({ OWNER: 1, ADMIN: 1, DEVELOPER: 4, VIEWER: 1 });
    expect(owner.resources).toEqual({ projects: 3, servers: 3, instances: 3 });
    // Granted one project (with its two instances) and one server; a plain developer, nothing.
    expect((await overviewAs(people.developerWithGrant.id)).resources).toEqual({ projects: 1, servers: 1, instances: 2 });
    expect((await overviewAs(people.developer.id)).resources).toEqual({ projects: 0, servers: 0, instances: 0 });
  });
});
