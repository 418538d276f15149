import { messageKey } from "@/lib/i18n/message-key";
import type { GrantableKey } from "@/lib/authz/permissions";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteInstanceAction, restartInstanceAction, stopInstanceAction } from "@/lib/resources/actions";
import { downloadBackupRoute as downloadBackup, instanceParentsRoute } from "@/lib/resources/routes";
import { setSecretAction } from "@/lib/secrets/actions";
import { updateMemberPermissionsAction } from "@/lib/members/actions";
import { addTeamMemberAction, removeTeamMemberAction, updateTeamPermissionsAction } from "@/lib/teams/actions";
import { loadWorkspaceContext } from "@/lib/authz/context";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { makePeople, makeWorld, type People } from "@/tests/support/world";
import { listBackups, listInstances, listLogs, recentMerges } from "./queries";
import { forged } from "@/tests/support/forged";
import { messageText } from "@/lib/i18n/translator";

let people: People;
beforeAll(async () => {
  people = await makePeople();
});

const noGrant = { actions: [] as GrantableKey[], projectIds: [] as string[], instanceIds: [] as string[], serverIds: [] as string[] };

describe("resource permissions", () => {
  it("refuses, with a message and no write, an action on an instance the member can see but may not act on", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    await updateMemberPermissionsAction(w.workspace.slug, { membershipId: w.m.target.id, ...noGrant, actions: ["logs.view"], projectIds: [w.project.id] });
    actAs(people.target.id);
    const before = await databaseSnapshot();
    expect(await restartInstanceAction(w.workspace.slug, { instanceId: w.instance.id, mode: "soft" })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      error: messageKey("errors.authz.forbidden"),
      fieldErrors: undefined,
    });
    expect(await restartInstanceAction(w.workspace.slug, { instanceId: w.otherInstance.id, mode: "soft" })).toMatchObject({ code: "FORBIDDEN" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("never deletes a production instance this way, whoever asks", async () => {
    const w = await makeWorld(people);
    const prod = await db().instance.create({
      data: { workspaceId: w.workspace.id, name: "prod", projectId: w.project.id, serverId: w.server.id, environment: "PRODUCTION" },
    });
    actAs(people.owner.id);
    const before = await databaseSnapshot();
    const refused = await deleteInstanceAction(w.workspace.slug, { instanceId: prod.id });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(!refused.ok && messageText(refused.error)).toBe("Production instances can't be deleted here.");
    expect(!refused.ok && messageText(refused.error, "de")).toBe("Produktionsinstanzen können hier nicht gelöscht werden.");
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("records state and an audit event for each action", async () => {
    const w = await makeWorld(people);
    actAs(people.developerWithGrant.id);
    expect(await stopInstanceAction(w.workspace.slug, { instanceId: w.instance.id })).toEqual({ ok: true, data: { status: "STOPPED" } });
    expect((await db().instance.findUniqueOrThrow({ where: { id: w.instance.id } })).status).toBe("STOPPED");
    const stopped = await restartInstanceAction(w.workspace.slug, { instanceId: w.instance.id, mode: "hard" });
    expect(stopped).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!stopped.ok && messageText(stopped.error)).toBe("The instance is stopped; start it instead.");
    const events = await db().auditEvent.findMany({ where: { workspaceId: w.workspace.id, targetId: w.instance.id } });
    expect(events.map((e) => e.action)).toEqual(["instance.stopped"]);
    const logs = await db().logEntry.findMany({ where: { instanceId: w.instance.id } });
    expect(logs.map((l) => l.message)).toEqual([expect.stringMatching(/^Stopped by /)]);
  });

  it("reads an instance's logs and backups and a project's merges only within the workspace named", async () => {
    const w = await makeWorld(people);
    const elsewhere = await makeWorld(people);
    await db().logEntry.create({ data: { instanceId: w.instance.id, kind: "APPLICATION", message: "booted" } });
    await db().projectMerge.create({ data: { projectId: w.project.id, sourceBranch: "develop", targetBranch: "main" } });
    expect((await listLogs(w.workspace.id, w.instance.id, "APPLICATION")).map((l) => l.message)).toEqual(["booted"]);
    expect((await listBackups(w.workspace.id, w.instance.id)).map((b) => b.label)).toEqual(["nightly"]);
    expect(await recentMerges(w.workspace.id, w.project.id)).toHaveLength(1);
    expect(await listLogs(elsewhere.workspace.id, w.instance.id, "APPLICATION")).toEqual([]);
    expect(await listBackups(elsewhere.workspace.id, w.instance.id)).toEqual([]);
    expect(await recentMerges(elsewhere.workspace.id, w.project.id)).toEqual([]);
  });

  it("offers a new instance the workspace's own projects and servers, by name, when its dialog asks", async () => {
    const w = await makeWorld(people);
    await makeWorld(people);
    actAs(people.admin.id);
    const response = await instanceParentsRoute(new Request(`http://app.test/${w.workspace.slug}/instances/parents`), {
      params: Promise.resolve({ workspaceSlug: w.workspace.slug }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({
      projects: [w.emptyProject, w.otherProject, w.project].map((p) => ({ value: p.id, label: p.name })),
      servers: [w.emptyServer, w.otherServer, w.server].map((s) => ({ value: s.id, label: s.name })),
    });
  });

  it("downloads a backup as a real file, and refuses one outside the caller's reach", async () => {
    const w = await makeWorld(people);
    const call = (instanceId: string, backupId: string) =>
      downloadBackup(new Request("http://app.test/x"), { params: Promise.resolve({ workspaceSlug: w.workspace.slug, instanceId, backupId }) });
    actAs(people.developerWithGrant.id);
    const response = await call(w.instance.id, w.backup.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="instance-.*\.json"$/);
    expect(JSON.parse(await response.text())).toMatchObject({ settings: { replicas: 2 } });
    expect((await call(w.otherInstance.id, w.backup.id)).status).toBe(404);
    actAs(people.developerWithGrantElsewhere.id);
    expect((await call(w.instance.id, w.backup.id)).status).toBe(404);
    actAs(null);
    expect((await call(w.instance.id, w.backup.id)).status).toBe(401);
  });
});

describe("teams", () => {
  it("give their members the team's grants, and take them away on the next request when a member leaves the team", async () => {
    const w = await makeWorld(people);
    const slug = w.workspace.slug;
    actAs(people.admin.id);
    expect(
      await updateTeamPermissionsAction(slug, { teamId: w.team.id, roleFloor: "DEVELOPER", ...noGrant, actions: ["instances.restart"], projectIds: [w.otherProject.id] }),
    ).toMatchObject({ ok: true });
    expect(await addTeamMemberAction(slug, { teamId: w.team.id, membershipId: w.m.target.id })).toEqual({ ok: true, data: undefined });

    const during = await loadWorkspaceContext(people.target.id, slug);
    expect(during?.canOn("instances.restart", { kind: "instance", id: w.otherInstance.id, projectId: w.otherProject.id })).toBe(true);
    expect(during?.canOn("instances.restart", { kind: "instance", id: w.instance.id, projectId: w.project.id })).toBe(false);
    expect((await listInstances(during!)).instances.map((i) => i.name)).toEqual(["other-instance"]);
    actAs(people.target.id);
    expect(await restartInstanceAction(slug, { instanceId: w.otherInstance.id, mode: "soft" })).toMatchObject({ ok: true });

    actAs(people.admin.id);
    await removeTeamMemberAction(slug, { teamId: w.team.id, membershipId: w.m.target.id });
    actAs(people.target.id);
    expect(await restartInstanceAction(slug, { instanceId: w.otherInstance.id, mode: "soft" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const after = await loadWorkspaceContext(people.target.id, slug);
    expect((await listInstances(after!)).total).toBe(0);
  });
});

describe("the permissions modal's action", () => {
  it("edits nobody's grants on the owner, and nothing that is not grantable", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const before = await databaseSnapshot();
    expect(await updateMemberPermissionsAction(w.workspace.slug, { membershipId: w.m.owner.id, ...noGrant })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: messageKey("errors.members.ownerPermissions"),
    });
    expect(await updateMemberPermissionsAction(w.workspace.slug, forged({ membershipId: w.m.target.id, ...noGrant, actions: ["secrets.manage"] }))).toMatchObject({
      ok: false,
      code: "INVALID",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("secrets", () => {
  it("are stored encrypted: the raw rows hold no plaintext, and no action returns the value", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    const value = "sk_live_plaintext_never_stored_9876";
    const result = await setSecretAction(w.workspace.slug, { environment: "PRODUCTION", name: "STRIPE_KEY", value });
    expect(result).toMatchObject({ ok: true, data: { hint: "…9876" } });
    expect(JSON.stringify(result)).not.toContain("plaintext");
    const raw = await db().$queryRaw<unknown[]>`SELECT * FROM "Secret"`;
    const audit = await db().$queryRaw<unknown[]>`SELECT * FROM "AuditEvent"`;
    expect(JSON.stringify(raw)).not.toContain(value);
    expect(JSON.stringify(audit)).not.toContain(value);
  });
});
