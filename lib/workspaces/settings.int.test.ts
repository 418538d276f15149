import { beforeAll, describe, expect, it } from "vitest";
import { messageKey } from "@/lib/i18n/message-key";
import { workspaceLogoRoute as workspaceLogo } from "@/lib/workspaces/routes";
import { exportAuditRoute as exportAudit } from "@/lib/audit/routes";
import { deleteWorkspaceAction, renameSlugAction, setColorAction, uploadLogoAction } from "@/lib/workspaces/actions";
import { createWorkspaceAction } from "@/lib/workspaces/actions";
import { AUDIT_PAGE_SIZE, exportAuditEvents, listAuditEvents } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { makePeople, makeWorld, TINY_PNG, type People } from "@/tests/support/world";
import { landingWorkspaceSlug } from "./queries";
import { forged } from "@/tests/support/forged";

let people: People;
beforeAll(async () => {
  people = await makePeople();
});

const form = (bytes: Uint8Array<ArrayBuffer>, name: string, type: string) => {
  const data = new FormData();
  data.set("logo", new File([bytes], name, { type }));
  return data;
};

describe("slug rename", () => {
  it("keeps the old slug as an alias until another workspace claims it", async () => {
    const w = await makeWorld(people);
    const old = w.workspace.slug;
    actAs(people.admin.id);
    expect(await renameSlugAction(old, { slug: "-bad-" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await renameSlugAction(old, { slug: `renamed-${old}` })).toEqual({ ok: true, data: { slug: `renamed-${old}` } });
    expect(await db().workspaceSlugAlias.findUnique({ where: { slug: old } })).toMatchObject({ workspaceId: w.workspace.id });

    actAs(people.nonMember.id);
    expect(await createWorkspaceAction({ name: "Claimer", slug: old, kind: "PROJECT" })).toMatchObject({ ok: true });
    expect(await db().workspaceSlugAlias.findUnique({ where: { slug: old } })).toBeNull();
  });

  it("refuses a slug another workspace has, on the field", async () => {
    const [w, other] = [await makeWorld(people), await makeWorld(people)];
    actAs(people.owner.id);
    const before = await databaseSnapshot();
    expect(await renameSlugAction(w.workspace.slug, { slug: other.workspace.slug })).toMatchObject({
      ok: false,
      fieldErrors: { slug: messageKey("errors.workspaces.slugTaken") },
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("logo and colour", () => {
  it("takes a real PNG and serves it to members with its type", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    expect(await uploadLogoAction(w.workspace.slug, form(new Uint8Array(TINY_PNG), "logo.png", "image/png"))).toMatchObject({ ok: true });
    actAs(people.viewer.id);
    const response = await workspaceLogo(new Request("http://app.test/x"), { params: Promise.resolve({ workspaceSlug: w.workspace.slug }) });
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer()).equals(TINY_PNG)).toBe(true);
  });

  it("judges a file by its bytes: an SVG named .png, or anything over 1 MB, is refused and nothing changes", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const before = await databaseSnapshot();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await uploadLogoAction(w.workspace.slug, form(svg, "logo.png", "image/png"))).toMatchObject({
      ok: false,
      fieldErrors: { logo: messageKey("errors.workspaces.logoNotImage") },
    });
    expect(await uploadLogoAction(w.workspace.slug, form(svg, "logo.svg", "image/svg+xml"))).toMatchObject({
      ok: false,
      fieldErrors: { logo: messageKey("validation.workspaces.logoType") },
    });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(TINY_PNG);
    expect(await uploadLogoAction(w.workspace.slug, form(big, "big.png", "image/png"))).toMatchObject({
      ok: false,
      fieldErrors: { logo: messageKey("validation.workspaces.logoTooLarge") },
    });
    expect(await uploadLogoAction(w.workspace.slug, forged("not a form"))).toMatchObject({ ok: false, code: "INVALID" });
    expect(await setColorAction(w.workspace.slug, { color: "red" })).toMatchObject({ ok: false, fieldErrors: { color: messageKey("validation.workspaces.hexColour") } });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("deleting a workspace", () => {
  it("is refused while resources exist, naming them, and never for a personal workspace", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    const before = await databaseSnapshot();
    expect(await deleteWorkspaceAction(w.workspace.slug, { confirmSlug: w.workspace.slug })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: messageKey("errors.workspaces.deletionBlocked", { instances: 3, projects: 3, servers: 3, secrets: 1 }),
    });
    const personal = await db().workspace.findUniqueOrThrow({ where: { personalOwnerId: people.owner.id } });
    expect(await deleteWorkspaceAction(personal.slug, { confirmSlug: personal.slug })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("sends members whose default it was to their personal workspace, and is recorded in the owner's log", async () => {
    const w = await makeWorld(people);
    await db().instance.deleteMany({ where: { workspaceId: w.workspace.id } });
    await db().project.deleteMany({ where: { workspaceId: w.workspace.id } });
    await db().server.deleteMany({ where: { workspaceId: w.workspace.id } });
    await db().secret.deleteMany({ where: { workspaceId: w.workspace.id } });
    await db().user.update({ where: { id: people.viewer.id }, data: { defaultWorkspaceId: w.workspace.id } });
    actAs(people.owner.id);
    expect(await deleteWorkspaceAction(w.workspace.slug, { confirmSlug: "nope" })).toMatchObject({ fieldErrors: { confirmSlug: messageKey("validation.workspaces.typeSlug", { slug: w.workspace.slug }) } });
    expect(await deleteWorkspaceAction(w.workspace.slug, { confirmSlug: w.workspace.slug })).toEqual({ ok: true, data: { purgeAfter: expect.any(Date) } });
    // Kept, marked deleted, until its purge (deletion.int.test.ts follows it through).
    expect(await db().workspace.findUniqueOrThrow({ where: { id: w.workspace.id } })).toMatchObject({ deletedAt: expect.any(Date), purgeAfter: expect.any(Date) });
    const viewerPersonal = await db().workspace.findUniqueOrThrow({ where: { personalOwnerId: people.viewer.id } });
    expect(await landingWorkspaceSlug(people.viewer.id)).toBe(viewerPersonal.slug);
    const ownerPersonal = await db().workspace.findUniqueOrThrow({ where: { personalOwnerId: people.owner.id } });
    expect(await db().auditEvent.count({ where: { workspaceId: ownerPersonal.id, action: "workspace.deleted", targetId: w.workspace.id } })).toBe(1);
  });
});

describe("audit log", () => {
  it("pages newest first by keyset: older and newer links walk every event once, ties included", async () => {
    const w = await makeWorld(people);
    const at = new Date("2026-01-01T00:00:00Z");
    // Two pages and 20 events, in pairs that share a timestamp: the id must break the ties without losing any.
    const total = 2 * AUDIT_PAGE_SIZE + 20;
    await db().auditEvent.createMany({
      data: Array.from({ length: total }, (_, i) => ({ workspaceId: w.workspace.id, action: "test.paged", metadata: { n: i }, createdAt: new Date(at.getTime() + Math.floor(i / 2) * 1000) })),
    });
    const filter = { action: "test.paged" };
    const first = await listAuditEvents(w.workspace.id, filter);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.newer).toBeNull();
    const second = await listAuditEvents(w.workspace.id, { ...filter, before: first.older! });
    const third = await listAuditEvents(w.workspace.id, { ...filter, before: second.older! });
    expect(third.events).toHaveLength(20);
    expect(third.older).toBeNull();
    const seen = [...first.events, ...second.events, ...third.events].map((e) => (e.metadata as { n: number }).n);
    expect(new Set(seen).size).toBe(total);
    expect(seen.map((n) => Math.floor(n / 2))).toEqual([...seen.map((n) => Math.floor(n / 2))].sort((x, y) => y - x));
    // Back from the second page to the first: the same events in the same order.
    const back = await listAuditEvents(w.workspace.id, { ...filter, after: second.newer! });
    expect(back.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(back.newer).toBeNull();
    // A cursor that is not one is ignored: the newest page.
    expect((await listAuditEvents(w.workspace.id, { ...filter, before: "'; DROP TABLE x" })).events[0]?.id).toBe(first.events[0]?.id);
  });

  it("shows and exports this workspace's events only, filtered by actor and action", async () => {
    const [a, b] = [await makeWorld(people), await makeWorld(people)];
    actAs(people.admin.id);
    await setColorAction(a.workspace.slug, { color: "#0f766e" });
    await setColorAction(b.workspace.slug, { color: "#b91c1c" });
    await setColorAction(b.workspace.slug, { color: "#b91c1d" });
    const inA = await listAuditEvents(a.workspace.id, { action: "workspace.color_changed", actor: people.admin.id });
    expect(inA.events).toHaveLength(1);
    expect(inA.events[0]?.metadata).toEqual({ color: "#0f766e" });
    // "Who" matches part of the actor's name or email, and its wildcards are taken literally.
    const byEmail = await listAuditEvents(a.workspace.id, { action: "workspace.color_changed", who: people.admin.email.slice(0, 8).toUpperCase() });
    expect(byEmail.events.map((e) => e.actor?.id)).toEqual([people.admin.id]);
    expect((await listAuditEvents(a.workspace.id, { who: "%" })).events).toHaveLength(0);
    expect((await listAuditEvents(a.workspace.id, { who: people.owner.email })).events.every((e) => e.actor?.id === people.owner.id)).toBe(true);
    const all = await exportAuditEvents(a.workspace.id, {});
    const bIds = new Set((await db().auditEvent.findMany({ where: { workspaceId: b.workspace.id } })).map((e) => e.id));
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((e) => bIds.has(e.id))).toBe(false);

    const csv = await (
      await exportAudit(new Request(`http://app.test/x?action=workspace.color_changed`), { params: Promise.resolve({ workspaceSlug: a.workspace.slug }) })
    ).text();
    expect(csv).toContain("#0f766e");
    expect(csv).not.toContain("#b91c1c");
  });
});
