import { beforeAll, describe, expect, it, vi } from "vitest";
import { messageKey } from "@/lib/i18n/message-key";
import { loadApiKeyContext } from "@/lib/authz/api-key";
import { loadWorkspaceContext, requireMember } from "@/lib/authz/context";
import { newApiKeySecret } from "@/lib/api-keys/token";
import { encryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/invitations/actions";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { invitationStatus } from "@/lib/invitations/status";
import {
  createWorkspaceAction,
  deleteWorkspaceAction,
  renameSlugAction,
  restoreWorkspaceAction,
  setDefaultWorkspaceAction,
  updateGeneralAction,
} from "@/lib/workspaces/actions";
import { purgeDeletedWorkspaces } from "@/lib/workspaces/purge";
import { exportWorkspaceRoute, listWorkspacesRoute } from "@/lib/workspaces/routes";
import { makeUser } from "@/tests/support/factories";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { invitationFor, makePeople, makeWorld, type People, type World } from "@/tests/support/world";
import { landingWorkspaceSlug, listRestorableWorkspaces, listWorkspacesForUser } from "./queries";

// requireMember ends in Next's notFound() or permanentRedirect(), which only a request can turn into a
// page; here they throw something recognisable instead. The request's path is the workspace's root.
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
  permanentRedirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers({ "x-request-path": requestPath.value }),
}));
const requestPath = { value: "/" };

const DAY = 24 * 60 * 60 * 1000;
const MEMBERS = ["owner", "admin", "viewer", "developer", "developerWithGrant", "developerWithGrantElsewhere", "target"] as const;

let people: People;
beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.WORKSPACE_RESTORE_DAYS;
  people = await makePeople();
});

/** A world without what blocks deletion (instances, projects, servers, secrets). */
async function deletableWorld(): Promise<World> {
  const w = await makeWorld(people);
  await db().instance.deleteMany({ where: { workspaceId: w.workspace.id } });
  await db().project.deleteMany({ where: { workspaceId: w.workspace.id } });
  await db().server.deleteMany({ where: { workspaceId: w.workspace.id } });
  await db().secret.deleteMany({ where: { workspaceId: w.workspace.id } });
  return w;
}

async function deleteAsOwner(w: World) {
  actAs(people.owner.id);
  const result = await deleteWorkspaceAction(w.workspace.slug, { confirmSlug: w.workspace.slug });
  expect(result).toMatchObject({ ok: true });
  return result;
}

const personalOf = (userId: string) => db().workspace.findUniqueOrThrow({ where: { personalOwnerId: userId }, select: { id: true, slug: true } });

async function requireMemberAs(userId: string, slug: string): Promise<string> {
  actAs(userId);
  requestPath.value = `/${slug}`;
  try {
    const ctx = await requireMember(slug);
    return `member of ${ctx.workspace.slug}`;
  } catch (error) {
    return (error as Error).message;
  }
}

const exportAs = async (userId: string, slug: string) => {
  actAs(userId);
  return exportWorkspaceRoute(new Request(`http://app.test/${slug}/settings/general/export`), { params: Promise.resolve({ workspaceSlug: slug }) });
};

describe("deleting a workspace", () => {
  it("closes it to every member at once: context, pages, the switcher, the landing page, the default", async () => {
    const w = await deletableWorld();
    await db().user.update({ where: { id: people.viewer.id }, data: { defaultWorkspaceId: w.workspace.id } });
    // An old slug of the workspace, to prove it no longer leads anywhere either.
    const oldSlug = `old-${w.workspace.slug}`;
    await db().workspaceSlugAlias.create({ data: { slug: oldSlug, workspaceId: w.workspace.id } });
    expect(await requireMemberAs(people.viewer.id, w.workspace.slug)).toBe(`member of ${w.workspace.slug}`);
    expect(await requireMemberAs(people.viewer.id, oldSlug)).toBe(`REDIRECT /${w.workspace.slug}`);

    const result = await deleteAsOwner(w);
    const purgeAfter = (result as { ok: true; data: { purgeAfter: Date } }).data.purgeAfter;
    expect(purgeAfter.getTime() - Date.now()).toBeGreaterThan(13.9 * DAY);
    expect(purgeAfter.getTime() - Date.now()).toBeLessThanOrEqual(14 * DAY);
    const row = await db().workspace.findUniqueOrThrow({ where: { id: w.workspace.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.purgeAfter).toEqual(purgeAfter);

    for (const who of MEMBERS) {
      expect(await loadWorkspaceContext(people[who].id, w.workspace.slug), who).toBeNull();
      expect(await requireMemberAs(people[who].id, w.workspace.slug), who).toBe("NOT_FOUND");
      expect(await requireMemberAs(people[who].id, oldSlug), who).toBe("NOT_FOUND");
      expect((await listWorkspacesForUser(people[who].id)).map((x) => x.id), who).not.toContain(w.workspace.id);
      expect(await landingWorkspaceSlug(people[who].id), who).toBe((await personalOf(people[who].id)).slug);
    }
    actAs(people.viewer.id);
    const switcher = (await (await listWorkspacesRoute(new Request("http://app.test/api/workspaces"))).json()) as { workspaces: { id: string }[] };
    expect(switcher.workspaces.map((x) => x.id)).not.toContain(w.workspace.id);
    expect(switcher.workspaces.length).toBeGreaterThan(0);

    // Whoever had it as default falls back to nothing stored, so they land in their personal workspace.
    expect((await db().user.findUniqueOrThrow({ where: { id: people.viewer.id } })).defaultWorkspaceId).toBeNull();
    // Nobody can make it their default again, nor act in it.
    expect(await setDefaultWorkspaceAction({ workspaceId: w.workspace.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(people.admin.id);
    expect(await updateGeneralAction(w.workspace.slug, { name: "Back", description: "" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await exportAs(people.owner.id, w.workspace.slug)).status).toBe(404);
    actAs(people.owner.id);
    expect(await deleteWorkspaceAction(w.workspace.slug, { confirmSlug: w.workspace.slug })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("revokes its invitations and API keys in the same transaction, and is recorded in both logs", async () => {
    const w = await deletableWorld();
    const invitee = await makeUser("Invitee");
    const token = await invitationFor(w, invitee.email);
    const { secret, prefix, secretHash } = newApiKeySecret();
    await db().apiKey.create({ data: { workspaceId: w.workspace.id, createdById: people.admin.id, name: "live key", access: "WRITE", prefix, secretHash } });
    expect(await loadApiKeyContext(`Bearer ${secret}`)).toMatchObject({ ok: true });

    await deleteAsOwner(w);

    const invitations = await db().invitation.findMany({ where: { workspaceId: w.workspace.id } });
    expect(invitations.length).toBe(2);
    for (const invitation of invitations) expect(invitation.revokedAt).toBeInstanceOf(Date);
    const keys = await db().apiKey.findMany({ where: { workspaceId: w.workspace.id } });
    expect(keys.length).toBe(2);
    for (const key of keys) expect(key.revokedAt).toBeInstanceOf(Date);
    expect(await loadApiKeyContext(`Bearer ${secret}`)).toMatchObject({ ok: false });

    // The invitation's link answers like any revoked one, on its page and when used.
    const found = await findInvitationByToken(token);
    expect(found && invitationStatus(found)).toBe("revoked");
    actAs(invitee.id);
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, code: "CONFLICT", error: messageKey("errors.invitations.closedAskNew", { status: "revoked" }) });
    expect(await declineInvitationAction({ token })).toMatchObject({ ok: false, code: "CONFLICT", error: messageKey("errors.invitations.closed", { status: "revoked" }) });
    // Even one that escaped the revocation (written by hand here) cannot open the deleted workspace.
    await db().invitation.updateMany({ where: { workspaceId: w.workspace.id, email: invitee.email }, data: { revokedAt: null } });
    expect(invitationStatus((await findInvitationByToken(token))!)).toBe("revoked");
    const before = await databaseSnapshot();
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: false, code: "CONFLICT", error: messageKey("errors.invitations.closedAskNew", { status: "revoked" }) });
    expect(await databaseSnapshot()).toEqual(before);
    expect(await db().membership.count({ where: { workspaceId: w.workspace.id, userId: invitee.id } })).toBe(0);

    const own = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: w.workspace.id, action: "workspace.deleted" } });
    expect(own).toMatchObject({ actorId: people.owner.id, targetId: w.workspace.id, metadata: { revokedInvitations: 2, revokedApiKeys: 2 } });
    const personal = await personalOf(people.owner.id);
    expect(await db().auditEvent.count({ where: { workspaceId: personal.id, action: "workspace.deleted", targetId: w.workspace.id } })).toBe(1);
  });

  it("keeps its slug taken: creating or renaming to it is refused with the usual field error", async () => {
    const w = await deletableWorld();
    await deleteAsOwner(w);
    const someone = await makeUser("Someone");
    actAs(someone.id);
    const before = await databaseSnapshot();
    expect(await createWorkspaceAction({ name: "Squatter", slug: w.workspace.slug, kind: "PROJECT" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { slug: messageKey("errors.workspaces.slugTaken") },
    });
    expect(await databaseSnapshot()).toEqual(before);
    const other = await makeWorld(people);
    actAs(people.owner.id);
    expect(await renameSlugAction(other.workspace.slug, { slug: w.workspace.slug })).toMatchObject({
      ok: false,
      fieldErrors: { slug: messageKey("errors.workspaces.slugTaken") },
    });
  });

  it("waits WORKSPACE_RESTORE_DAYS before the purge", async () => {
    process.env.WORKSPACE_RESTORE_DAYS = "3";
    try {
      const w = await deletableWorld();
      await deleteAsOwner(w);
      const row = await db().workspace.findUniqueOrThrow({ where: { id: w.workspace.id } });
      expect(row.purgeAfter!.getTime() - row.deletedAt!.getTime()).toBe(3 * DAY);
    } finally {
      delete process.env.WORKSPACE_RESTORE_DAYS;
    }
  });
});

describe("restoring a deleted workspace", () => {
  it("is listed for its owner only, and only its owner may restore it; anyone else is refused and nothing is written", async () => {
    const w = await deletableWorld();
    await deleteAsOwner(w);
    const listed = await listRestorableWorkspaces(people.owner.id);
    expect(listed.find((x) => x.id === w.workspace.id)).toMatchObject({ slug: w.workspace.slug, name: w.workspace.name, purgeAfter: expect.any(Date) });
    for (const who of ["admin", "viewer", "developer", "nonMember"] as const) {
      expect((await listRestorableWorkspaces(people[who].id)).map((x) => x.id), who).not.toContain(w.workspace.id);
      actAs(people[who].id);
      const before = await databaseSnapshot();
      expect(await restoreWorkspaceAction({ workspaceId: w.workspace.id }), who).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await databaseSnapshot(), who).toEqual(before);
    }
    actAs(null);
    expect(await restoreWorkspaceAction({ workspaceId: w.workspace.id })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await loadWorkspaceContext(people.viewer.id, w.workspace.slug)).toBeNull();
  });

  it("brings it back for every member as it was; what the deletion revoked stays revoked", async () => {
    const w = await deletableWorld();
    await deleteAsOwner(w);
    actAs(people.owner.id);
    expect(await restoreWorkspaceAction({ workspaceId: w.workspace.id })).toEqual({ ok: true, data: { slug: w.workspace.slug } });
    expect(await db().workspace.findUniqueOrThrow({ where: { id: w.workspace.id } })).toMatchObject({ deletedAt: null, purgeAfter: null });
    for (const who of MEMBERS) {
      expect((await loadWorkspaceContext(people[who].id, w.workspace.slug))?.workspace.id, who).toBe(w.workspace.id);
      expect((await listWorkspacesForUser(people[who].id)).map((x) => x.id), who).toContain(w.workspace.id);
    }
    expect((await listRestorableWorkspaces(people.owner.id)).map((x) => x.id)).not.toContain(w.workspace.id);
    expect((await db().invitation.findUniqueOrThrow({ where: { id: w.invitation.id } })).revokedAt).toBeInstanceOf(Date);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: w.apiKey.id } })).revokedAt).toBeInstanceOf(Date);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "workspace.restored", actorId: people.owner.id } })).toBe(1);
    const personal = await personalOf(people.owner.id);
    expect(await db().auditEvent.count({ where: { workspaceId: personal.id, action: "workspace.restored", targetId: w.workspace.id } })).toBe(1);
    // Once restored there is nothing to restore.
    expect(await restoreWorkspaceAction({ workspaceId: w.workspace.id })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("is refused once purgeAfter has passed, writing nothing", async () => {
    const w = await deletableWorld();
    await deleteAsOwner(w);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { purgeAfter: new Date(Date.now() - 1000) } });
    expect((await listRestorableWorkspaces(people.owner.id)).map((x) => x.id)).not.toContain(w.workspace.id);
    actAs(people.owner.id);
    const before = await databaseSnapshot();
    expect(await restoreWorkspaceAction({ workspaceId: w.workspace.id })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("counts towards the workspaces the owner may own again: deleting frees a place, restoring asks for it", async () => {
    const owner = await makeUser("Free Owner"); // the Free plan: 3 workspaces besides the personal one
    actAs(owner.id);
    const slugs = ["free-one", "free-two", "free-three"].map((s) => `${s}-${owner.id.slice(-6)}`);
    for (const slug of slugs) expect(await createWorkspaceAction({ name: slug, slug, kind: "PROJECT" })).toMatchObject({ ok: true });
    expect(await deleteWorkspaceAction(slugs[0]!, { confirmSlug: slugs[0]! })).toMatchObject({ ok: true });
    const fourth = `free-four-${owner.id.slice(-6)}`;
    expect(await createWorkspaceAction({ name: fourth, slug: fourth, kind: "PROJECT" })).toMatchObject({ ok: true });
    const deleted = await db().workspace.findUniqueOrThrow({ where: { slug: slugs[0]! } });
    const before = await databaseSnapshot();
    expect(await restoreWorkspaceAction({ workspaceId: deleted.id })).toMatchObject({ ok: false, code: "LIMIT" });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("purgeDeletedWorkspaces", () => {
  it("deletes for good only the deleted workspaces whose purgeAfter has passed, and records it in the owner's log", async () => {
    const now = new Date();
    // A full world (resources, backups, teams, keys…) whose restore period ended.
    const expired = await makeWorld(people);
    await db().workspace.update({ where: { id: expired.workspace.id }, data: { deletedAt: new Date(now.getTime() - 15 * DAY), purgeAfter: new Date(now.getTime() - DAY) } });
    const restorable = await deletableWorld();
    await deleteAsOwner(restorable);
    const live = await makeWorld(people);

    const { purged } = await purgeDeletedWorkspaces(now);
    const ids = purged.map((p) => p.id);
    expect(ids).toContain(expired.workspace.id);
    expect(ids).not.toContain(restorable.workspace.id);
    expect(ids).not.toContain(live.workspace.id);
    expect(await db().workspace.findUnique({ where: { id: expired.workspace.id } })).toBeNull();
    expect(await db().instance.count({ where: { workspaceId: expired.workspace.id } })).toBe(0);
    expect(await db().membership.count({ where: { workspaceId: expired.workspace.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { workspaceId: expired.workspace.id } })).toBe(0);
    expect(await db().workspace.findUniqueOrThrow({ where: { id: restorable.workspace.id } })).toMatchObject({ deletedAt: expect.any(Date) });
    expect(await db().workspace.findUniqueOrThrow({ where: { id: live.workspace.id } })).toMatchObject({ deletedAt: null });
    const personal = await personalOf(people.owner.id);
    expect(await db().auditEvent.findFirst({ where: { workspaceId: personal.id, action: "workspace.purged", targetId: expired.workspace.id } })).toMatchObject({
      actorId: null,
      metadata: { slug: expired.workspace.slug },
    });
    // Its slug is free once it is gone.
    actAs(people.owner.id);
    expect(await createWorkspaceAction({ name: "Reborn", slug: expired.workspace.slug, kind: "PROJECT" })).toMatchObject({ ok: true });

    // Past its purgeAfter, the other one goes too.
    const later = await purgeDeletedWorkspaces(new Date(now.getTime() + 15 * DAY));
    expect(later.purged.map((p) => p.id)).toContain(restorable.workspace.id);
    expect(await db().workspace.findUnique({ where: { id: live.workspace.id } })).not.toBeNull();
  });

  it("purges a bounded batch per call and says whether more are due", async () => {
    const far = new Date(Date.now() + 365 * DAY);
    while ((await purgeDeletedWorkspaces(far)).more);
    const worlds = [await deletableWorld(), await deletableWorld(), await deletableWorld()];
    for (const w of worlds) await deleteAsOwner(w);
    const first = await purgeDeletedWorkspaces(far, 2);
    expect(first.purged).toHaveLength(2);
    expect(first.more).toBe(true);
    const second = await purgeDeletedWorkspaces(far, 2);
    expect(second.purged).toHaveLength(1);
    expect(second.more).toBe(false);
    expect(await db().workspace.count({ where: { id: { in: worlds.map((w) => w.workspace.id) } } })).toBe(0);
  });
});

describe("workspace export", () => {
  it("holds members, teams, grants, resources, settings and the whole audit log, and no secret material", async () => {
    const w = await makeWorld(people);
    // The world's key hash is its slug ("world-…"); a real one, so finding it in the file means a leak.
    await db().apiKey.update({ where: { id: w.apiKey.id }, data: { secretHash: newApiKeySecret().secretHash } });
    const webhook = await db().notificationChannel.create({
      data: {
        workspaceId: w.workspace.id,
        kind: "WEBHOOK",
        name: "hook",
        urlCiphertext: encryptSecret("https://hooks.example.test/very-secret-path", `channel-url:${w.workspace.id}`),
        urlHint: "…path",
        signingSecretCiphertext: encryptSecret("whsec_very_secret_signing", `channel-signing:${w.workspace.id}`),
      },
    });
    // More events than one page of the stream, oldest first in the file.
    const start = Date.now() - 3 * DAY;
    await db().auditEvent.createMany({
      data: Array.from({ length: 2100 }, (_, i) => ({
        workspaceId: w.workspace.id,
        actorId: people.admin.id,
        action: "test.event",
        targetType: "test",
        targetId: String(i),
        metadata: { i },
        createdAt: new Date(start + Math.floor(i / 2) * 1000),
      })),
    });

    const response = await exportAs(people.owner.id, w.workspace.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const day = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${w.workspace.slug}-export-${day}.json"`);
    const text = await response.text();
    const body = JSON.parse(text);

    expect(body).toMatchObject({ format: "workspaces-export", version: 1, exportedAt: expect.any(String) });
    expect(body.workspace).toMatchObject({ id: w.workspace.id, slug: w.workspace.slug, name: w.workspace.name, plan: "PRO", kind: "PROJECT" });
    expect(body.members).toHaveLength(7);
    expect(body.members).toContainEqual({
      membershipId: w.m.owner.id,
      userId: people.owner.id,
      name: expect.any(String),
      email: people.owner.email,
      role: "OWNER",
      joinedAt: expect.any(String),
    });
    expect(body.members.find((m: { email: string }) => m.email === people.viewer.email)).toMatchObject({ role: "VIEWER" });
    expect(body.teams).toEqual([expect.objectContaining({ name: "team", members: [expect.objectContaining({ membershipId: w.m.viewer.id, email: people.viewer.email })] })]);
    expect(body.memberGrants.map((g: { membershipId: string }) => g.membershipId).sort()).toEqual([w.m.developerWithGrant.id, w.m.developerWithGrantElsewhere.id].sort());
    expect(body.resources.projects).toHaveLength(3);
    expect(body.resources.servers).toHaveLength(3);
    expect(body.resources.instances).toHaveLength(3);
    const instance = body.resources.instances.find((i: { id: string }) => i.id === w.instance.id);
    expect(instance).toMatchObject({ settings: { replicas: 1, memoryMb: 512, autoRestart: true }, backups: [{ id: w.backup.id, label: "nightly", sizeBytes: w.backup.sizeBytes }] });
    expect(instance.backups[0]).not.toHaveProperty("content");
    expect(body.resources.secrets).toEqual([expect.objectContaining({ name: "TOKEN", environment: "PRODUCTION" })]);
    expect(body.alerting.channels).toContainEqual(expect.objectContaining({ id: webhook.id, kind: "WEBHOOK", hasUrl: true, hasSigningSecret: true }));
    expect(body.alerting.rules).toEqual([expect.objectContaining({ id: w.rule.id, kind: "INSTANCE_STOPPED" })]);
    expect(body.ai).toMatchObject({ provider: "CUSTOM", model: "local", hasApiKey: true });
    expect(body.apiKeys).toEqual([expect.objectContaining({ id: w.apiKey.id, name: "world key", prefix: w.apiKey.prefix, access: "READ" })]);

    // The whole audit log, oldest first, once each, the export itself included.
    const events = body.auditLog as { id: string; action: string; createdAt: string; actor: { email: string } | null }[];
    expect(events.length).toBe(await db().auditEvent.count({ where: { workspaceId: w.workspace.id } }));
    expect(events.filter((e) => e.action === "test.event")).toHaveLength(2100);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const times = events.map((e) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.find((e) => e.action === "test.event")?.actor?.email).toBe(people.admin.email);
    expect(events.filter((e) => e.action === "workspace.exported")).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "workspace.exported", actorId: people.owner.id } })).toBe(1);

    // No secret material of the fixture, in any form.
    const ai = await db().aiSettings.findUniqueOrThrow({ where: { workspaceId: w.workspace.id } });
    const secret = await db().secret.findUniqueOrThrow({ where: { id: w.secret.id } });
    const key = await db().apiKey.findUniqueOrThrow({ where: { id: w.apiKey.id } });
    const invitation = await db().invitation.findUniqueOrThrow({ where: { id: w.invitation.id } });
    const backup = await db().backup.findUniqueOrThrow({ where: { id: w.backup.id } });
    const forbidden = [
      ai.apiKeyCiphertext!,
      ai.apiKeyHint!,
      "sk-world",
      secret.ciphertext,
      secret.hint,
      key.secretHash,
      invitation.tokenHash,
      webhook.urlCiphertext!,
      webhook.signingSecretCiphertext!,
      "very-secret-path",
      "whsec_very_secret_signing",
      "…path",
      Buffer.from(backup.content).toString("base64"),
      Buffer.from(backup.content).toString("utf8"),
      '"ciphertext"',
      "Ciphertext",
      "secretHash",
      "tokenHash",
      "passwordHash",
    ];
    expect(forbidden.filter((s) => text.includes(s))).toEqual([]);
  });

  it("is the owner's alone: anyone else is refused and nothing is recorded", async () => {
    const w = await makeWorld(people);
    for (const who of ["admin", "developerWithGrant", "viewer", "nonMember"] as const) {
      const before = await databaseSnapshot();
      const response = await exportAs(people[who].id, w.workspace.slug);
      expect(response.status, who).toBe(who === "nonMember" ? 404 : 403);
      expect(await databaseSnapshot(), who).toEqual(before);
    }
  });

  it("is a valid document for a personal workspace whose log held nothing before", async () => {
    const owner = await makeUser("Lonely Owner");
    const personal = await personalOf(owner.id);
    await db().auditEvent.deleteMany({ where: { workspaceId: personal.id } });
    // The export records itself first, so the log holds exactly that event.
    const body = JSON.parse(await (await exportAs(owner.id, personal.slug)).text());
    expect(body.auditLog.map((e: { action: string }) => e.action)).toEqual(["workspace.exported"]);
    expect(body.members).toHaveLength(1);
    expect(body.resources).toEqual({ projects: [], servers: [], instances: [], secrets: [] });
  });
});
