import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listSecurityEvents } from "@/lib/security-log/queries";
import { toWorkspaceContext } from "@/lib/authz/context";
import { addMember, makeUser, makeWorkspace } from "@/tests/support/factories";
import { actAs } from "@/tests/support/session";
import { revokeSessionAction, signOutEverywhereAction } from "./actions";
import { activeSession, activeSessionUser, listSessions } from "./queries";
import { createSession, endSession } from "./service";

const origin = { ip: "192.0.2.10", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" };

describe("a session row", () => {
  it("signs its user in until it is revoked or expires", async () => {
    const user = await makeUser("Sessioned");
    const live = await createSession(user.id, origin);
    expect(await activeSessionUser(live)).toBe(user.id);

    await endSession(live, origin);
    expect(await activeSessionUser(live)).toBeNull();

    const expired = await createSession(user.id, origin);
    await db().session.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await activeSessionUser(expired)).toBeNull();
    expect(await activeSessionUser("no-such-session")).toBeNull();
    expect((await listSecurityEvents(user.id)).map((e) => e.kind)).toEqual(["sign_out"]);
  });

  it("moves lastSeenAt on at most every five minutes", async () => {
    const user = await makeUser("Seen");
    const id = await createSession(user.id, origin);
    const fresh = (await db().session.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    await activeSessionUser(id);
    expect((await db().session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(fresh);
    const stale = new Date(Date.now() - 6 * 60 * 1000);
    await db().session.update({ where: { id }, data: { lastSeenAt: stale } });
    await activeSessionUser(id);
    expect((await db().session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime()).toBeGreaterThan(stale.getTime() + 60_000);
  });
});

describe("the session lookup with the path's workspace", () => {
  it("brings the caller's membership of that slug, and nobody else's", async () => {
    const [owner, viewer, stranger] = [await makeUser("Owner"), await makeUser("Viewer"), await makeUser("Stranger")];
    const workspace = await makeWorkspace(owner.id);
    await addMember(workspace.id, viewer.id, "VIEWER");

    const account = await activeSession(await createSession(viewer.id, origin), workspace.slug);
    expect(account).toMatchObject({ userId: viewer.id, membershipSlug: workspace.slug, membership: { role: "VIEWER", workspace: { id: workspace.id } } });
    const ctx = toWorkspaceContext(account!.membership!);
    expect([ctx.can("members.read"), ctx.can("members.manage")]).toEqual([true, false]);

    expect((await activeSession(await createSession(stranger.id, origin), workspace.slug))?.membership).toBeNull();
    expect((await activeSession(await createSession(viewer.id, origin), null))?.membership).toBeNull();
    await db().workspace.update({ where: { id: workspace.id }, data: { deletedAt: new Date(), purgeAfter: new Date(Date.now() + 86_400_000) } });
    expect((await activeSession(await createSession(owner.id, origin), workspace.slug))?.membership).toBeNull();

    const revoked = await createSession(owner.id, origin);
    await endSession(revoked, origin);
    expect(await activeSession(revoked, workspace.slug)).toBeNull();
  });
});

describe("the account's sessions", () => {
  it("revokes one of the person's own browsers, but not this one and not anyone else's", async () => {
    const [me, stranger] = [await makeUser("Me"), await makeUser("Stranger")];
    const [here, laptop] = [await createSession(me.id, origin), await createSession(me.id, origin)];
    const theirs = await createSession(stranger.id, origin);
    actAs(me.id, here);
    expect(await revokeSessionAction({ sessionId: here })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await revokeSessionAction({ sessionId: theirs })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await activeSessionUser(theirs)).toBe(stranger.id);
    expect(await revokeSessionAction({ sessionId: laptop })).toEqual({ ok: true, data: undefined });
    expect(await activeSessionUser(laptop)).toBeNull();
    expect(await activeSessionUser(here)).toBe(me.id);
    expect((await listSessions(me.id)).map((s) => s.id)).toEqual([here]);
    expect((await listSecurityEvents(me.id))[0]).toMatchObject({ kind: "session_revoked", ip: "127.0.0.1" });
  });

  it("signs out everywhere else, keeping the browser that asked", async () => {
    const me = await makeUser("Everywhere");
    const here = await createSession(me.id, origin);
    const others = [await createSession(me.id, origin), await createSession(me.id, origin), await createSession(me.id, origin)];
    actAs(me.id, here);
    expect(await signOutEverywhereAction({})).toEqual({ ok: true, data: { revoked: 3 } });
    for (const other of others) expect(await activeSessionUser(other)).toBeNull();
    expect(await activeSessionUser(here)).toBe(me.id);
    expect((await listSecurityEvents(me.id))[0]).toMatchObject({ kind: "sessions_revoked", metadata: { count: 3 } });
  });
});
