import { messageKey } from "@/lib/i18n/message-key";
import { beforeAll, describe, expect, it } from "vitest";
import {
  approveAccessRequestAction,
  cancelAccessRequestAction,
  denyAccessRequestAction,
  requestAccessAction,
  revokeAccessRequestAction,
} from "@/lib/access-requests/actions";
import { approveAccessRequest } from "@/lib/access-requests/service";
import { loadWorkspaceContext } from "@/lib/authz/context";
import { GRANTABLE_KEYS } from "@/lib/authz/permissions";
import type { WorkspaceActionContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { restartInstanceAction } from "@/lib/resources/actions";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { makePeople, makeWorld, type People, type World } from "@/tests/support/world";

let people: People;
beforeAll(async () => {
  delete process.env.RESEND_API_KEY;
  people = await makePeople();
});

const REASON = "I am on call this week and web-dev keeps hanging";

async function askRestart(w: World, as: keyof People = "developer") {
  actAs(people[as].id);
  const result = await requestAccessAction(w.workspace.slug, { permission: "instances.restart", resourceKind: "instance", resourceId: w.instance.id, reason: REASON });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

const mailTo = (w: World) =>
  db().outboundEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "access_request" }, select: { to: true, subject: true }, orderBy: { createdAt: "asc" } });

const restartAs = async (w: World, who: keyof People) => {
  actAs(people[who].id);
  return restartInstanceAction(w.workspace.slug, { instanceId: w.instance.id, mode: "soft" });
};

describe("asking for access", () => {
  it("records the request, audits it and emails every owner and admin, nobody else", async () => {
    const w = await makeWorld(people);
    const { id, existing } = await askRestart(w);
    expect(existing).toBe(false);
    const row = await db().accessRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ workspaceId: w.workspace.id, membershipId: w.m.developer.id, permission: "instances.restart", resourceKind: "instance", resourceId: w.instance.id, status: "PENDING" });
    const audit = await db().auditEvent.findFirst({ where: { workspaceId: w.workspace.id, action: "access_request.created" } });
    expect(audit).toMatchObject({ actorId: people.developer.id, targetId: id });
    const mails = await mailTo(w);
    expect(mails.map((m) => m.to).sort()).toEqual([people.admin.email, people.owner.email].sort());
    expect(mails[0]!.subject).toMatch(/asks for Restart on instance instance in World/);
  });

  it("answers a repeat with the pending request: one row, no more mail", async () => {
    const w = await makeWorld(people);
    const first = await askRestart(w);
    const again = await askRestart(w);
    expect(again).toEqual({ id: first.id, existing: true });
    expect(await db().accessRequest.count({ where: { workspaceId: w.workspace.id, permission: "instances.restart" } })).toBe(1);
    expect(await mailTo(w)).toHaveLength(2);
  });

  it("limits a member to 10 new requests an hour, with a message that says so, writing nothing past it", async () => {
    const w = await makeWorld(people);
    actAs(people.viewer.id);
    for (const permission of GRANTABLE_KEYS.slice(0, 10)) {
      const result = await requestAccessAction(w.workspace.slug, { permission, resourceKind: "project", resourceId: w.project.id, reason: REASON });
      expect(result.ok, permission).toBe(true);
    }
    const before = await databaseSnapshot();
    const result = await requestAccessAction(w.workspace.slug, { permission: "logs.view", resourceKind: "instance", resourceId: w.instance.id, reason: REASON });
    expect(result).toMatchObject({ ok: false, code: "LIMIT", error: expect.stringMatching(/^errors\.accessRequests\.rateLimited\{"limit":10,"minutes":\d+\}$/) });
    expect(await databaseSnapshot()).toEqual(before);
    // Another member has a limit of their own.
    expect((await askRestart(w)).existing).toBe(false);
  });

  it("answers another workspace's resource id exactly as a missing one, writing nothing", async () => {
    const [w, other] = [await makeWorld(people), await makeWorld(people)];
    actAs(people.developer.id);
    const before = await databaseSnapshot();
    const foreign = await requestAccessAction(w.workspace.slug, { permission: "instances.restart", resourceKind: "instance", resourceId: other.instance.id, reason: REASON });
    const missing = await requestAccessAction(w.workspace.slug, { permission: "instances.restart", resourceKind: "instance", resourceId: "no-such-instance", reason: REASON });
    expect(foreign).toEqual(missing);
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND", error: messageKey("errors.accessRequests.resourceNotFound") });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("is refused to owners and admins, for access already held, and for a project-only key on an instance", async () => {
    const w = await makeWorld(people);
    for (const who of ["admin", "owner"] as const) {
      actAs(people[who].id);
      const result = await requestAccessAction(w.workspace.slug, { permission: "logs.view", reason: REASON });
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    actAs(people.developerWithGrant.id);
    expect(await requestAccessAction(w.workspace.slug, { permission: "instances.restart", resourceKind: "instance", resourceId: w.instance.id, reason: REASON })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: messageKey("errors.accessRequests.alreadyHave"),
    });
    actAs(people.developer.id);
    expect(await requestAccessAction(w.workspace.slug, { permission: "projects.merge", resourceKind: "instance", resourceId: w.instance.id, reason: REASON })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { permission: messageKey("validation.accessRequests.projectsOnly") },
    });
    // Only the world's own request (the developer's, for logs) is there.
    expect(await db().accessRequest.count({ where: { workspaceId: w.workspace.id } })).toBe(1);
  });
});

describe("deciding", () => {
  it("approval for 24 hours grants the permission through the real context load, and it is gone once expired", async () => {
    const w = await makeWorld(people);
    const { id } = await askRestart(w);
    expect(await restartAs(w, "developer")).toMatchObject({ ok: false, code: "FORBIDDEN" });

    actAs(people.admin.id);
    const approved = await approveAccessRequestAction(w.workspace.slug, { requestId: id, expiry: "24h", note: "For this week's on-call" });
    expect(approved.ok).toBe(true);
    const row = await db().accessRequest.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("APPROVED");
    expect(row.decidedById).toBe(people.admin.id);
    expect(Math.abs(row.expiresAt!.getTime() - (Date.now() + 86_400_000))).toBeLessThan(60_000);

    const ctx = await loadWorkspaceContext(people.developer.id, w.workspace.slug);
    const ref = { kind: "instance", id: w.instance.id, projectId: w.project.id } as const;
    expect(ctx!.canOn("instances.restart", ref)).toBe(true);
    expect(ctx!.canOn("instances.stop", ref)).toBe(false);
    expect(await restartAs(w, "developer")).toMatchObject({ ok: true });

    const decision = (await mailTo(w)).find((m) => m.to === people.developer.email);
    expect(decision?.subject).toMatch(/Your request for Restart on instance instance in World .* was approved/);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "access_request.approved", targetId: id } })).toBe(1);

    await db().accessRequest.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const later = await loadWorkspaceContext(people.developer.id, w.workspace.slug);
    expect(later!.canOn("instances.restart", ref)).toBe(false);
    expect(await restartAs(w, "developer")).toMatchObject({ ok: false });
  });

  it("approval until a day lasts through that day (UTC); a past day is refused on the field", async () => {
    const w = await makeWorld(people);
    const { id } = await askRestart(w);
    actAs(people.owner.id);
    expect(await approveAccessRequestAction(w.workspace.slug, { requestId: id, expiry: "date", until: "2020-01-01" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { until: messageKey("validation.accessRequests.dayPassed") },
    });
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(await approveAccessRequestAction(w.workspace.slug, { requestId: id, expiry: "date", until: day })).toMatchObject({ ok: true });
    expect((await db().accessRequest.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));
  });

  it("denial keeps the access away, tells the requester with the note, and cannot be decided again", async () => {
    const w = await makeWorld(people);
    const { id } = await askRestart(w);
    actAs(people.owner.id);
    expect(await denyAccessRequestAction(w.workspace.slug, { requestId: id, note: "Ask Alice to restart it" })).toMatchObject({ ok: true });
    expect(await db().accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DENIED", note: "Ask Alice to restart it", decidedById: people.owner.id });
    expect((await mailTo(w)).find((m) => m.to === people.developer.email)?.subject).toMatch(/was denied$/);
    expect(await approveAccessRequestAction(w.workspace.slug, { requestId: id, expiry: "never" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await restartAs(w, "developer")).toMatchObject({ ok: false });
  });

  it("only owners and admins decide or revoke, and another workspace's request is not found", async () => {
    const [w, other] = [await makeWorld(people), await makeWorld(people)];
    const { id } = await askRestart(w);
    const before = await databaseSnapshot();
    for (const who of ["viewer", "developer", "developerWithGrant"] as const) {
      actAs(people[who].id);
      expect(await approveAccessRequestAction(w.workspace.slug, { requestId: id, expiry: "1h" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await denyAccessRequestAction(w.workspace.slug, { requestId: id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await databaseSnapshot()).toEqual(before);
    const { id: otherId } = await askRestart(other);
    const beforeForeign = await databaseSnapshot();
    actAs(people.owner.id);
    expect(await approveAccessRequestAction(w.workspace.slug, { requestId: otherId, expiry: "1h" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await databaseSnapshot()).toEqual(beforeForeign);
  });

  it("nobody approves a permission they do not hold themselves", async () => {
    const w = await makeWorld(people);
    const { id } = await askRestart(w);
    const admin = (await loadWorkspaceContext(people.admin.id, w.workspace.slug))!;
    // No role below Owner lacks a grantable key today; a context without it stands for an approver who lacks it.
    const lacking = { ...admin, can: () => false, canOn: () => false };
    await expect(
      db().$transaction((tx) =>
        approveAccessRequest(
          { ...lacking, scope: "workspace", actor: { userId: people.admin.id, ip: null }, tx, audit: async () => {}, afterCommit: () => {}, ip: null, userAgent: null, sessionId: null, origin: async () => "http://app.test" } as WorkspaceActionContext,
          { requestId: id, expiry: "never" },
        ),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: messageKey("errors.accessRequests.approveOwnOnly") });
    expect((await db().accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("the requester cancels their own pending request; nobody else can", async () => {
    const w = await makeWorld(people);
    const { id } = await askRestart(w);
    for (const who of ["viewer", "admin", "owner"] as const) {
      actAs(people[who].id);
      expect(await cancelAccessRequestAction(w.workspace.slug, { requestId: id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    actAs(people.developer.id);
    expect(await cancelAccessRequestAction(w.workspace.slug, { requestId: id })).toMatchObject({ ok: true });
    expect((await db().accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe("CANCELLED");
    expect(await cancelAccessRequestAction(w.workspace.slug, { requestId: id })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "access_request.cancelled" } })).toBe(1);
    // A cancelled request no longer blocks asking again.
    expect((await askRestart(w)).existing).toBe(false);
  });

  it("revoking an approval ends the access at once and tells the requester", async () => {
    const w = await makeWorld(people);
    const { id } = await askRestart(w);
    actAs(people.admin.id);
    await approveAccessRequestAction(w.workspace.slug, { requestId: id, expiry: "never" });
    expect(await restartAs(w, "developer")).toMatchObject({ ok: true });
    actAs(people.developer.id);
    expect(await revokeAccessRequestAction(w.workspace.slug, { requestId: id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(people.owner.id);
    expect(await revokeAccessRequestAction(w.workspace.slug, { requestId: id })).toMatchObject({ ok: true });
    expect((await db().accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe("REVOKED");
    expect(await restartAs(w, "developer")).toMatchObject({ ok: false });
    expect((await mailTo(w)).filter((m) => m.to === people.developer.email).map((m) => m.subject.replace(/.* was /, ""))).toEqual(["approved", "revoked"]);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "access_request.revoked" } })).toBe(1);
  });

  it("counts pending requests in the context of owners and admins only", async () => {
    const w = await makeWorld(people);
    await askRestart(w);
    await askRestart(w, "viewer");
    // With the world's own pending request: three.
    expect((await loadWorkspaceContext(people.admin.id, w.workspace.slug))!.pendingAccessRequests).toBe(3);
    expect((await loadWorkspaceContext(people.owner.id, w.workspace.slug))!.pendingAccessRequests).toBe(3);
    expect((await loadWorkspaceContext(people.developer.id, w.workspace.slug))!.pendingAccessRequests).toBe(0);
  });
});
