import { messageKey } from "@/lib/i18n/message-key";
import { messageText } from "@/lib/i18n/translator";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exportAuditRoute } from "@/lib/audit/routes";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { leaveWorkspaceAction } from "@/lib/members/actions";
import { listMembers } from "@/lib/members/queries";
import { COUNT_CAP } from "@/lib/api/pagination";
import { membersWithoutTwoFactor } from "@/lib/two-factor/queries";
import { restartInstanceAction } from "@/lib/resources/actions";
import { downloadBackupRoute } from "@/lib/resources/routes";
import { setRequireTwoFactorAction, updateGeneralAction } from "@/lib/workspaces/actions";
import { listWorkspacesRoute, workspaceLogoRoute } from "@/lib/workspaces/routes";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { enableTwoFactor, resetTwoFactor } from "@/tests/support/two-factor";
import { makePeople, makeWorld, type People, type World } from "@/tests/support/world";
import { loadWorkspaceContext, requireMember } from "./context";

let people: People;
beforeAll(async () => {
  people = await makePeople();
});
beforeEach(async () => {
  await Promise.all(Object.values(people).map((person) => resetTwoFactor(person.id)));
});

async function requiringWorld(): Promise<World> {
  const world = await makeWorld(people);
  await db().workspace.update({ where: { id: world.workspace.id }, data: { requireTwoFactor: true } });
  return world;
}

const params = (w: World, extra: Record<string, string> = {}) => ({ params: Promise.resolve({ workspaceSlug: w.workspace.slug, ...extra }) });

/** Every kind of workspace entry point: actions of several permissions, and route handlers. */
const ENTRY_POINTS: Record<string, (w: World) => Promise<ActionResult<unknown> | Response>> = {
  "an admin action (workspace.update)": (w) => updateGeneralAction(w.workspace.slug, { name: "Renamed", description: "" }),
  "a resource action (instances.restart)": (w) => restartInstanceAction(w.workspace.slug, { instanceId: w.instance.id, mode: "soft" }),
  "the requirement's own switch": (w) => setRequireTwoFactorAction(w.workspace.slug, { required: false }),
  "an any-member route (logo)": (w) => workspaceLogoRoute(new Request(`http://app.test/${w.workspace.slug}/logo`), params(w)),
  "a permission route (audit export)": (w) => exportAuditRoute(new Request(`http://app.test/${w.workspace.slug}/settings/audit/export`), params(w)),
  "a resource route (backup download)": (w) =>
    downloadBackupRoute(new Request(`http://app.test/${w.workspace.slug}/x`), params(w, { instanceId: w.instance.id, backupId: w.backup.id })),
};

async function outcome(result: ActionResult<unknown> | Response) {
  // An action's refusal carries catalog keys, a route's problem document English words: compare the words.
  if (!(result instanceof Response)) {
    return result.ok ? { ok: true } : { ok: false, code: result.code, error: messageText(result.error), help: result.help && { ...result.help, label: messageText(result.help.label) } };
  }
  if (result.ok) return { ok: true };
  const body = (await result.json()) as { code: string; detail: string; help?: unknown };
  return { ok: false, code: body.code, error: body.detail, help: body.help, status: result.status };
}

describe("a workspace that requires two-factor authentication", () => {
  it.each(Object.entries(ENTRY_POINTS))("refuses %s to an owner without 2FA, says why and where to fix it, and writes nothing", async (_name, call) => {
    const world = await requiringWorld();
    actAs(people.owner.id);
    const before = await databaseSnapshot();
    const refused = await outcome(await call(world));
    expect(refused).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: `${world.workspace.name} requires two-factor authentication. Turn it on for your account to work in this workspace.`,
      help: { label: "Set up two-factor authentication", href: `/account?requiredBy=${world.workspace.slug}` },
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it.each(Object.entries(ENTRY_POINTS))("lets %s through once the owner has 2FA on", async (_name, call) => {
    const world = await requiringWorld();
    await enableTwoFactor(people.owner.id);
    actAs(people.owner.id);
    expect(await outcome(await call(world))).toEqual({ ok: true });
  });

  it("counts the members a requirement would turn away, up to the cap", async () => {
    const w = await makeWorld(people);
    const members = await db().membership.count({ where: { workspaceId: w.workspace.id } });
    await enableTwoFactor(people.admin.id);
    expect(await membersWithoutTwoFactor(w.workspace.id)).toBe(members - 1);
    await db().$executeRaw`INSERT INTO "User" (id, name, email, "passwordHash", "updatedAt")
      SELECT ${w.workspace.id} || '-u' || n, 'U' || n, ${w.workspace.id} || '-' || n || '@cap.example', '!', now() FROM generate_series(1, ${COUNT_CAP}) n`;
    await db().$executeRaw`INSERT INTO "Membership" (id, "userId", "workspaceId", role, "updatedAt")
      SELECT ${w.workspace.id} || '-m' || n, ${w.workspace.id} || '-u' || n, ${w.workspace.id}, 'VIEWER', now() FROM generate_series(1, ${COUNT_CAP}) n`;
    expect(await membersWithoutTwoFactor(w.workspace.id)).toBe(COUNT_CAP + 1);
  });

  it("turns away any member without 2FA, whatever their role, from what they may otherwise do", async () => {
    const world = await requiringWorld();
    for (const caller of ["viewer", "developer", "admin"] as const) {
      actAs(people[caller].id);
      expect(await leaveWorkspaceAction(world.workspace.slug, {}), caller).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await enableTwoFactor(people.viewer.id);
    actAs(people.viewer.id);
    expect(await leaveWorkspaceAction(world.workspace.slug, {})).toMatchObject({ ok: true });
  });

  it("adds a check and removes none: a member with 2FA still needs the permission", async () => {
    const world = await requiringWorld();
    await enableTwoFactor(people.viewer.id);
    actAs(people.viewer.id);
    expect(await updateGeneralAction(world.workspace.slug, { name: "Renamed", description: "" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: messageKey("errors.authz.forbidden"),
    });
  });

  it("tells a non-member nothing: not found, as for any workspace they don't belong to", async () => {
    const world = await requiringWorld();
    actAs(people.nonMember.id);
    expect(await outcome(await updateGeneralAction(world.workspace.slug, { name: "x", description: "" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await outcome(await ENTRY_POINTS["an any-member route (logo)"]!(world))).toMatchObject({ ok: false, code: "NOT_FOUND", status: 404 });
  });

  it("still lists it in the member's switcher, without the logo they may not fetch yet", async () => {
    const world = await requiringWorld();
    const listed = async () => {
      // Searched by name: the unsearched list holds only the first few of this person's many workspaces.
      const url = `http://app.test/api/workspaces?q=${encodeURIComponent(world.workspace.name)}`;
      const body = (await (await listWorkspacesRoute(new Request(url))).json()) as { workspaces: { slug: string; logoUrl: string | null }[] };
      return body.workspaces.find((w) => w.slug === world.workspace.slug);
    };
    actAs(people.developer.id);
    expect(await listed()).toMatchObject({ logoUrl: null });
    await enableTwoFactor(people.developer.id);
    expect(await listed()).toMatchObject({ logoUrl: expect.stringContaining(`/${world.workspace.slug}/logo`) });
  });

  it("reads the requirement and the member's 2FA with the membership", async () => {
    const world = await requiringWorld();
    await enableTwoFactor(people.admin.id);
    const admin = await loadWorkspaceContext(people.admin.id, world.workspace.slug);
    const developer = await loadWorkspaceContext(people.developer.id, world.workspace.slug);
    expect(admin).toMatchObject({ workspace: { requireTwoFactor: true }, user: { twoFactorEnabled: true } });
    expect(developer).toMatchObject({ workspace: { requireTwoFactor: true }, user: { twoFactorEnabled: false } });
  });

  it("sends a member without 2FA from its pages to set it up, and lets one with 2FA in", async () => {
    const world = await requiringWorld();
    actAs(people.developer.id);
    const redirected = await requireMember(world.workspace.slug).catch((error: unknown) => error);
    expect(redirected).toMatchObject({ digest: expect.stringContaining(`;/account?requiredBy=${world.workspace.slug};`) });
    await enableTwoFactor(people.developer.id);
    await expect(requireMember(world.workspace.slug)).resolves.toMatchObject({ membership: { id: world.m.developer.id } });
  });
});

describe("requiring two-factor authentication (Settings → General)", () => {
  it("is refused to someone who has no 2FA themselves: they would lock themselves out", async () => {
    const world = await makeWorld(people);
    actAs(people.owner.id);
    const before = await databaseSnapshot();
    expect(await setRequireTwoFactorAction(world.workspace.slug, { required: true })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      help: { href: "/account" },
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("is for owners and admins with 2FA; it is audited, and turning it off again works the same way", async () => {
    const world = await makeWorld(people);
    await Promise.all([enableTwoFactor(people.admin.id), enableTwoFactor(people.developerWithGrant.id)]);
    actAs(people.developerWithGrant.id);
    expect(await setRequireTwoFactorAction(world.workspace.slug, { required: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(people.admin.id);
    expect(await setRequireTwoFactorAction(world.workspace.slug, { required: true })).toMatchObject({ ok: true });
    expect((await db().workspace.findUniqueOrThrow({ where: { id: world.workspace.id } })).requireTwoFactor).toBe(true);
    expect(await setRequireTwoFactorAction(world.workspace.slug, { required: false })).toMatchObject({ ok: true });
    expect((await db().workspace.findUniqueOrThrow({ where: { id: world.workspace.id } })).requireTwoFactor).toBe(false);
    const audit = await db().auditEvent.findMany({ where: { workspaceId: world.workspace.id, action: { startsWith: "workspace.two_factor" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["workspace.two_factor_required", people.admin.id],
      ["workspace.two_factor_optional", people.admin.id],
    ]);
  });
});

describe("the members list", () => {
  it("shows who has two-factor authentication on", async () => {
    const world = await makeWorld(people);
    await enableTwoFactor(people.admin.id);
    const { members } = await listMembers(world.workspace.id);
    const byUser = Object.fromEntries(members.map((m) => [m.user.id, m.user.twoFactor]));
    expect(byUser[people.admin.id]).toBe(true);
    expect(byUser[people.owner.id]).toBe(false);
  });
});
