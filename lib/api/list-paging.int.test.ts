import { beforeAll, describe, expect, it } from "vitest";
import { COUNT_CAP, countLabel, encodeCursor } from "@/lib/api/pagination";
import type { WorkspaceContext } from "@/lib/authz/types";
import { billingOverview } from "@/lib/billing/queries";
import { db } from "@/lib/db";
import { listMembers, MEMBERS_PAGE_SIZE } from "@/lib/members/queries";
import { listInstances, listProjects, PAGE_SIZE } from "@/lib/resources/queries";
import { makeUser, makeWorkspace } from "@/tests/support/factories";

// The web lists page by keyset (a cursor of the last row's sort values in the link) and count up to a cap.
// What a person paging through sees: every row once, in order, whatever else happens meanwhile.

const TIE = new Date("2026-03-01T12:00:00.000Z");

/** `count` members who all joined in the same millisecond, named so that a search can find some of them. */
async function seedMembers(workspaceId: string, count: number, prefix: string) {
  const ids = Array.from({ length: count }, (_, n) => `${prefix}${String(n).padStart(5, "0")}`);
  await db().user.createMany({
    data: ids.map((id, n) => ({ id, name: n % 10 === 0 ? `Zebediah ${id}` : `Member ${id}`, email: `${id}@paging.example`, passwordHash: "x" })),
  });
  await db().membership.createMany({ data: ids.map((id) => ({ id: `m-${id}`, userId: id, workspaceId, role: "VIEWER" as const, createdAt: TIE })) });
}

/** Every page from the first, following Next links, as the page would. */
async function allMemberPages(workspaceId: string, search?: string) {
  const pages = [];
  let link: { after?: string } = {};
  for (let guard = 0; guard < 100; guard++) {
    const page = await listMembers(workspaceId, { search, link });
    pages.push(page);
    if (!page.next) break;
    link = { after: page.next };
  }
  return pages;
}

const adminContext = (workspaceId: string) => ({ workspace: { id: workspaceId }, permissions: { allow: "all" }, can: () => true }) as unknown as WorkspaceContext;

let owner: { id: string };
beforeAll(async () => {
  owner = await makeUser("Paging Owner");
});

describe("keyset pages of members", () => {
  it("lists every member exactly once, in join order, across pages of tied join times", async () => {
    const ws = await makeWorkspace(owner.id);
    await seedMembers(ws.id, 2 * MEMBERS_PAGE_SIZE + 7, `tie${ws.id.slice(-6)}-`);
    const pages = await allMemberPages(ws.id);
    const ids = pages.flatMap((p) => p.members.map((m) => m.id));
    expect(pages).toHaveLength(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(2 * MEMBERS_PAGE_SIZE + 8); // the owner too
    const expected = await db().membership.findMany({ where: { workspaceId: ws.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(ids).toEqual(expected.map((m) => m.id));
    expect(pages[0]!.previous).toBeNull();
    expect(pages[2]!.next).toBeNull();
  });

  it("goes back with Previous to exactly the page before, and keeps its place when members join or leave meanwhile", async () => {
    const ws = await makeWorkspace(owner.id);
    await seedMembers(ws.id, 2 * MEMBERS_PAGE_SIZE + 3, `mv${ws.id.slice(-6)}-`);
    const first = await listMembers(ws.id);
    const second = await listMembers(ws.id, { link: { after: first.next! } });
    // A member joins before the first page's end and one on the second page leaves: the third page neither
    // repeats nor skips anyone who was there all along.
    const late = await makeUser("Late Joiner");
    await db().membership.create({ data: { workspaceId: ws.id, userId: late.id, role: "VIEWER", createdAt: TIE } });
    await db().membership.delete({ where: { id: second.members[10]!.id } });
    const third = await listMembers(ws.id, { link: { after: second.next! } });
    const seen = [...first.members, ...second.members, ...third.members].map((m) => m.id);
    expect(new Set(seen).size).toBe(seen.length);
    const back = await listMembers(ws.id, { link: { before: third.previous! } });
    // The 50 rows before the third page: the second page less the one who left, and the first page's last.
    const gone = second.members[10]!.id;
    expect(back.members.map((m) => m.id)).toEqual([first.members.at(-1)!.id, ...second.members.filter((m) => m.id !== gone).map((m) => m.id)]);
    expect(back.next).toBe(second.next);
  });

  it("answers a mangled cursor or another workspace's cursor with this workspace's rows, never an error", async () => {
    const ws = await makeWorkspace(owner.id);
    await seedMembers(ws.id, 5, `gb${ws.id.slice(-6)}-`);
    const other = await makeWorkspace(owner.id);
    await seedMembers(other.id, MEMBERS_PAGE_SIZE + 2, `ot${other.id.slice(-6)}-`);
    const first = await listMembers(ws.id);
    for (const after of ["garbage", "", encodeCursor(["not a date", "x"]), encodeCursor(["0000-01-01T00:00:00.000Z", "x"]), encodeCursor(["a"]), "%00", "x".repeat(400)]) {
      const page = await listMembers(ws.id, { link: { after, before: after } });
      expect(page.members.map((m) => m.id)).toEqual(first.members.map((m) => m.id));
    }
    const foreign = (await listMembers(other.id)).next!;
    const page = await listMembers(ws.id, { link: { after: foreign } });
    const mine = new Set(first.members.map((m) => m.id));
    expect(page.members.every((m) => mine.has(m.id))).toBe(true);
  });

  it("counts up to the cap and says so, and finds members by any part of their name or email", async () => {
    const ws = await makeWorkspace(owner.id);
    await seedMembers(ws.id, COUNT_CAP + 5, `cap${ws.id.slice(-6)}-`);
    const page = await listMembers(ws.id);
    expect(page.total).toBe(COUNT_CAP + 1);
    expect(countLabel(page.total)).toBe("1,000+");
    expect(countLabel(999)).toBe("999");

    const found = await allMemberPages(ws.id, "zebed");
    const names = found.flatMap((p) => p.members.map((m) => m.user.name));
    expect(names).toHaveLength(Math.ceil((COUNT_CAP + 5) / 10));
    expect(names.every((n) => n.startsWith("Zebediah"))).toBe(true);
    expect(found[0]!.total).toBe(names.length);
    // Email, case-insensitively, with LIKE's own characters taken literally.
    const byEmail = await listMembers(ws.id, { search: `CAP${ws.id.slice(-6).toUpperCase()}-00007@PAGING` });
    expect(byEmail.members.map((m) => m.user.email)).toEqual([`cap${ws.id.slice(-6)}-00007@paging.example`]);
    expect((await listMembers(ws.id, { search: "%" })).total).toBe(0);
  });
});

describe("keyset pages of instances and projects", () => {
  it("pages instances in name order without repeats, finds them by part of the name, and caps nothing it need not", async () => {
    const ws = await makeWorkspace(owner.id);
    const project = await db().project.create({ data: { workspaceId: ws.id, name: "alpha", repositoryUrl: "https://example.com/a.git" } });
    const server = await db().server.create({ data: { workspaceId: ws.id, name: "box", region: "eu-west-1", address: "10.0.0.1" } });
    const names = Array.from({ length: PAGE_SIZE + 20 }, (_, n) => `svc-${n % 3 === 0 ? "blue" : "green"}-${String(n).padStart(3, "0")}`);
    await db().instance.createMany({ data: names.map((name) => ({ workspaceId: ws.id, name, projectId: project.id, serverId: server.id, environment: "DEVELOPMENT" as const })) });
    const ctx = adminContext(ws.id);
    const first = await listInstances(ctx);
    const second = await listInstances(ctx, { link: { after: first.next! } });
    expect(first.total).toBe(names.length);
    expect([...first.instances, ...second.instances].map((i) => i.name)).toEqual([...names].sort());
    expect(second.next).toBeNull();
    expect((await listInstances(ctx, { link: { before: second.previous! } })).instances.map((i) => i.id)).toEqual(first.instances.map((i) => i.id));

    const blue = await listInstances(ctx, { search: "BLUE" });
    expect(blue.instances.map((i) => i.name)).toEqual(names.filter((n) => n.includes("blue")).sort());
    expect(blue.total).toBe(blue.instances.length);

    const projects = await listProjects(ctx, { search: "lph" });
    expect(projects.projects).toEqual([expect.objectContaining({ name: "alpha", instanceCount: names.length })]);
  });
});

describe("keyset pages of transactions", () => {
  it("pages newest first through transactions made in the same millisecond", async () => {
    const ws = await makeWorkspace(owner.id);
    await db().billingTransaction.createMany({
      data: Array.from({ length: 60 }, (_, n) => ({
        workspaceId: ws.id, type: "TOPUP" as const, amountMinor: 100 + n, currency: "USD", description: `t${n}`, provider: "demo", idempotencyKey: `k${n}`, createdAt: TIE,
      })),
    });
    const seen: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const { transactions: page } = await billingOverview(ws.id, { after });
      seen.push(...page.rows.map((t) => t.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen).toEqual([...seen].sort().reverse());
  });
});
