import { beforeAll, describe, expect, it } from "vitest";
import { setThemePreferenceAction } from "@/lib/accounts/actions";
import { db } from "@/lib/db";
import { activeSession } from "@/lib/sessions/queries";
import { createSession } from "@/lib/sessions/service";
import { listWorkspacesRoute as GET } from "@/lib/workspaces/routes";
import { actAs } from "@/tests/support/session";
import { addMember, makeUser, makeWorkspace } from "@/tests/support/factories";
import { makePeople, makeWorld, type People } from "@/tests/support/world";
import { OVERVIEW_PAGE_SIZE, workspacesOverview } from "./overview";
import { SWITCHER_LIMIT, searchWorkspacesForUser } from "./queries";

type Listed = { total: number; workspaces: { slug: string; role: string; name: string }[] };
const list = async (query = "") => GET(new Request(`http://app.test/api/workspaces${query}`));

describe("the switcher's search (GET /api/workspaces?q=)", () => {
  it("shows the first few of many workspaces with the total, and finds the rest by name or slug", async () => {
    const user = await makeUser("Many");
    for (let i = 0; i < SWITCHER_LIMIT + 4; i++) {
      const w = await makeWorkspace(user.id, `many-${i}-${user.id.slice(-6)}`);
      await db().workspace.update({ where: { id: w.id }, data: { name: `Client ${String(i).padStart(2, "0")}` } });
    }
    actAs(user.id);
    const first = (await (await list()).json()) as Listed;
    expect(first.total).toBe(SWITCHER_LIMIT + 5); // and the personal workspace
    expect(first.workspaces).toHaveLength(SWITCHER_LIMIT);
    expect(first.workspaces[0]!.slug).toBe(user.personalWorkspaceSlug);

    const found = (await (await list("?q=client%2011")).json()) as Listed;
    expect(found).toEqual({ total: 1, workspaces: [expect.objectContaining({ name: "Client 11", role: "OWNER" })] });
    const bySlug = (await (await list(`?q=many-3-${user.id.slice(-6)}`)).json()) as Listed;
    expect(bySlug.workspaces.map((w) => w.name)).toEqual(["Client 03"]);
    // A wildcard is a character to match, not "everything".
    expect(((await (await list("?q=%25")).json()) as Listed).total).toBe(0);
    expect(((await (await list("?q=_")).json()) as Listed).total).toBe(0);
  });

  it("never returns a workspace the caller is not a member of, however it is searched", async () => {
    const owner = await makeUser("Owner");
    const caller = await makeUser("Caller");
    const secret = await makeWorkspace(owner.id);
    await db().workspace.update({ where: { id: secret.id }, data: { name: "Zebra Secret Project" } });
    const shared = await makeWorkspace(owner.id);
    await db().workspace.update({ where: { id: shared.id }, data: { name: "Zebra Shared" } });
    await addMember(shared.id, caller.id, "VIEWER");
    actAs(caller.id);
    for (const q of ["zebra", "secret", secret.slug, secret.id]) {
      const body = (await (await list(`?q=${encodeURIComponent(q)}`)).json()) as Listed;
      expect(JSON.stringify(body), q).not.toContain(secret.slug);
    }
    const zebra = (await (await list("?q=zebra")).json()) as Listed;
    expect(zebra).toEqual({ total: 1, workspaces: [expect.objectContaining({ slug: shared.slug, role: "VIEWER" })] });
    expect(await searchWorkspacesForUser(caller.id, { q: "Secret" })).toEqual({ total: 0, workspaces: [] });
  });

  it("refuses an over-long search with 400 and a signed-out caller with 401", async () => {
    const user = await makeUser("Searcher");
    actAs(user.id);
    expect((await list(`?q=${"x".repeat(101)}`)).status).toBe(400);
    actAs(null);
    expect((await list("?q=x")).status).toBe(401);
  });
});

describe("the workspaces overview (/workspace/select)", () => {
  let people: People;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    people = await makePeople();
    world = await makeWorld(people);
  });

  const entryFor = async (userId: string) => (await workspacesOverview(userId, { q: world.workspace.slug })).workspaces;

  it("shows each member their role, the member count and the resources they may see", async () => {
    const members = await db().membership.count({ where: { workspaceId: world.workspace.id } });
    expect(await entryFor(people.owner.id)).toEqual([
      expect.objectContaining({ id: world.workspace.id, role: "OWNER", memberCount: members, resources: { projects: 3, servers: 3, instances: 3 } }),
    ]);
    // A developer's allow-list applies here as on the workspace's own pages.
    expect(await entryFor(people.developerWithGrant.id)).toEqual([
      expect.objectContaining({ role: "DEVELOPER", memberCount: members, resources: { projects: 1, servers: 1, instances: 2 } }),
    ]);
    expect(await entryFor(people.developer.id)).toEqual([expect.objectContaining({ role: "DEVELOPER", resources: { projects: 0, servers: 0, instances: 0 } })]);
    // Someone outside it does not find it, even by its exact slug.
    expect(await entryFor(people.nonMember.id)).toEqual([]);
  });

  it("lists only the caller's own workspaces, searchable and a page at a time, and marks the default", async () => {
    const user = await makeUser("Paged");
    const stranger = await makeUser("Stranger");
    await makeWorkspace(stranger.id, `paged-foreign-${user.id.slice(-6)}`);
    for (let i = 0; i < OVERVIEW_PAGE_SIZE + 2; i++) await makeWorkspace(user.id, `paged-${String(i).padStart(2, "0")}-${user.id.slice(-6)}`);
    const page1 = await workspacesOverview(user.id);
    expect(page1).toMatchObject({ total: OVERVIEW_PAGE_SIZE + 3, previous: null, account: { email: user.email, emailVerified: false } });
    expect(page1.workspaces).toHaveLength(OVERVIEW_PAGE_SIZE);
    expect(page1.workspaces[0]).toMatchObject({ slug: user.personalWorkspaceSlug, kind: "PERSONAL", isDefault: true, memberCount: 1 });
    const page2 = await workspacesOverview(user.id, { link: { after: page1.next! } });
    expect(page2.workspaces).toHaveLength(3);
    expect(page2.next).toBeNull();
    const all = [...page1.workspaces, ...page2.workspaces].map((w) => w.slug);
    // The personal workspace first, then by name: the pages continue each other without gap or repeat.
    expect(all).toEqual([user.personalWorkspaceSlug, ...Array.from({ length: OVERVIEW_PAGE_SIZE + 2 }, (_, i) => `paged-${String(i).padStart(2, "0")}-${user.id.slice(-6)}`)]);
    // "Previous" from the second page is the first page again; a mangled cursor reads as the first page.
    expect((await workspacesOverview(user.id, { link: { before: page2.previous! } })).workspaces.map((w) => w.slug)).toEqual(all.slice(0, OVERVIEW_PAGE_SIZE));
    expect((await workspacesOverview(user.id, { link: { after: "not-a-cursor" } })).workspaces[0]!.slug).toBe(user.personalWorkspaceSlug);

    const found = await workspacesOverview(user.id, { q: "PAGED-07" });
    expect(found.total).toBe(1);
    expect(found.workspaces.map((w) => w.slug)).toEqual([`paged-07-${user.id.slice(-6)}`]);
    expect((await workspacesOverview(user.id, { q: "paged-foreign" })).total).toBe(0);
  });
});

describe("the theme preference", () => {
  it("is stored on the caller's own account and comes back with the session lookup", async () => {
    const user = await makeUser("Theme");
    const other = await makeUser("Other");
    const sessionId = await createSession(user.id, { ip: null, userAgent: null });
    expect(await activeSession(sessionId)).toMatchObject({ userId: user.id, theme: "SYSTEM", name: "Theme", email: user.email });
    actAs(user.id);
    expect(await setThemePreferenceAction({ theme: "DARK" })).toEqual({ ok: true, data: { theme: "DARK" } });
    expect(await activeSession(sessionId)).toMatchObject({ theme: "DARK" });
    expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).theme).toBe("SYSTEM");
  });

  it("refuses an unknown theme with a field error and a signed-out caller, writing nothing", async () => {
    const user = await makeUser("Theme");
    actAs(user.id);
    // @ts-expect-error: not a theme
    expect(await setThemePreferenceAction({ theme: "PURPLE" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { theme: expect.any(String) } });
    actAs(null);
    expect(await setThemePreferenceAction({ theme: "LIGHT" })).toMatchObject({ ok: false });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).theme).toBe("SYSTEM");
  });
});
