// Counting is decided when the client is made: before anything in this file touches the database.
process.env.BENCH_COUNT_QUERIES = "1";

import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE, auditActionsSeen, listAuditEvents } from "@/lib/audit/queries";
import { billingOverview, INVOICES_PAGE_SIZE } from "@/lib/billing/queries";
import { db } from "@/lib/db";
import { statementsOf } from "@/tests/support/statements";
import { listMyAccessRequests, listWorkspaceAccessRequests } from "@/lib/access-requests/queries";
import { alertingOverview } from "@/lib/alerting/queries";
import { loadWorkspaceContext } from "@/lib/authz/context";
import { listMembers } from "@/lib/members/queries";
import { quotasOverview } from "@/lib/quotas/queries";
import { listCustomRoles } from "@/lib/roles/queries";
import { grantOptions, teamsPage } from "@/lib/teams/queries";
import { workspaceOverview } from "@/lib/workspaces/queries";
import { OVERVIEW_PAGE_SIZE, workspacesOverview } from "@/lib/workspaces/overview";
import { COUNT_CAP, countLabel } from "@/lib/api/pagination";
import { isAuthorization } from "@/bench/authorization-statements";
import { addMember, makeUser, makeWorkspace } from "@/tests/support/factories";

// Issue #16: a list page costs at most 2 round trips besides authorization, however much the workspace holds.
// Counted the way the benchmark counts them (Prisma's query events), so a query added to a page shows here.

let owner: { id: string };
beforeAll(async () => {
  owner = await makeUser("Round Trips");
});

describe("the Billing page's data", () => {
  it("comes in one statement, pages and counts included, and a paid workspace without a subscription row is shown one without writing it", async () => {
    const ws = await makeWorkspace(owner.id);
    await db().workspace.update({ where: { id: ws.id }, data: { plan: "PRO", balanceMinor: 12_345, billingName: "Acme GmbH" } });
    const base = Date.UTC(2026, 2, 1);
    await db().billingTransaction.createMany({
      data: Array.from({ length: 30 }, (_, n) => ({
        id: `tx-${String(n).padStart(3, "0")}`,
        workspaceId: ws.id,
        type: n % 3 === 0 ? ("CHARGE" as const) : ("TOPUP" as const),
        amountMinor: n % 3 === 0 ? -100 : 100,
        balanceAfterMinor: n,
        currency: "USD",
        description: `t${n}`,
        provider: "demo",
        idempotencyKey: `k${n}`,
        createdAt: new Date(base + n * 60_000),
      })),
    });
    for (let n = 1; n <= INVOICES_PAGE_SIZE + 2; n++) {
      await db().invoice.create({
        data: {
          workspaceId: ws.id, number: n, transactionId: `tx-${String(n).padStart(3, "0")}`, amountMinor: 100, currency: "USD", description: `Invoice ${n}`,
          plan: "PRO", periodStart: new Date(base), periodEnd: new Date(base + 86_400_000), billingName: "Acme", billingAddress: "Street", billingVatId: "",
        },
      });
    }
    const now = new Date("2026-04-10T08:00:00.000Z");

    const first = await statementsOf(() => billingOverview(ws.id, {}, {}, now));
    expect(first.statements).toHaveLength(1);
    const { account, subscription, transactions, invoices } = first.result;
    expect(account).toMatchObject({ balanceMinor: 12_345, currency: "USD", plan: "PRO", billingName: "Acme GmbH" });
    expect(subscription).toMatchObject({ status: "ACTIVE", currentPeriodStart: now, currentPeriodEnd: new Date("2026-05-10T08:00:00.000Z"), scheduledPlan: null });
    expect(transactions.total).toBe(30);
    expect(transactions.rows[0]).toMatchObject({ id: "tx-029", createdAt: new Date(base + 29 * 60_000), balanceAfterMinor: 29 });
    expect(invoices.total).toBe(INVOICES_PAGE_SIZE + 2);
    expect(invoices.rows.map((i) => i.number)).toEqual(Array.from({ length: INVOICES_PAGE_SIZE }, (_, n) => INVOICES_PAGE_SIZE + 2 - n));
    expect(invoices.rows[0]!.issuedAt).toBeInstanceOf(Date);
    // A GET renders, it does not write: the row is left to the next plan change or the renewal pass.
    expect(await db().subscription.count({ where: { workspaceId: ws.id } })).toBe(0);

    // The next pages, and a filtered list, cost the same one statement.
    const next = await statementsOf(() => billingOverview(ws.id, { after: transactions.next! }, { after: invoices.next! }, now));
    expect(next.statements).toHaveLength(1);
    expect(next.result.transactions.rows.at(-1)!.id).toBe("tx-000");
    expect(next.result.invoices.rows.map((i) => i.number)).toEqual([2, 1]);
    const charges = await statementsOf(() => billingOverview(ws.id, { type: "CHARGE", from: "2026-03-01", to: "2026-03-01" }, {}, now));
    expect(charges.statements).toHaveLength(1);
    expect(charges.result.transactions.total).toBe(10);
    expect(charges.result.transactions.rows.every((t) => t.type === "CHARGE")).toBe(true);
  });

  it("reads a stored subscription as it is, and another workspace's rows never", async () => {
    const ws = await makeWorkspace(owner.id);
    const other = await makeWorkspace(owner.id);
    await db().workspace.update({ where: { id: ws.id }, data: { plan: "PRO" } });
    const start = new Date("2026-04-01T00:00:00.000Z");
    const graceEndsAt = new Date("2026-05-08T00:00:00.000Z");
    await db().subscription.create({ data: { workspaceId: ws.id, status: "PAST_DUE", currentPeriodStart: start, currentPeriodEnd: new Date("2026-05-01T00:00:00.000Z"), graceEndsAt } });
    await db().billingTransaction.create({
      data: { workspaceId: other.id, type: "TOPUP", amountMinor: 100, currency: "USD", description: "theirs", provider: "demo", idempotencyKey: "theirs" },
    });
    const { statements, result } = await statementsOf(() => billingOverview(ws.id, {}));
    expect(statements).toHaveLength(1);
    expect(result.subscription).toMatchObject({ status: "PAST_DUE", currentPeriodStart: start, graceEndsAt, lapsedAt: null });
    expect(result.transactions).toMatchObject({ total: 0, rows: [] });
    expect((await billingOverview(other.id, {})).subscription).toBeNull();
  });
});

describe("the audit log page's data", () => {
  it("comes in two statements: the page of events and the actions seen", async () => {
    const ws = await makeWorkspace(owner.id);
    await db().auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, n) => ({ workspaceId: ws.id, actorId: owner.id, action: n % 2 ? "member.invited" : "project.created" })),
    });
    const { statements, result } = await statementsOf(() =>
      Promise.all([listAuditEvents(ws.id, { who: "round" }), auditActionsSeen(ws.id)]),
    );
    expect(statements).toHaveLength(2);
    const [list, actions] = result;
    expect(list.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(list.events[0]!.actor).toMatchObject({ id: owner.id });
    expect(actions).toEqual(["member.invited", "project.created"]);
  });
});

// The settings pages' loaders, each with another workspace holding look-alike rows that must never show.
const HOUR = 3_600_000;

/** A workspace with a project, a server and an instance, and a second one ("theirs") shaped the same. */
async function twoWorkspaces() {
  const ws = await makeWorkspace(owner.id);
  const theirs = await makeWorkspace(owner.id);
  const resources = async (workspaceId: string, name: string) => {
    const project = await db().project.create({ data: { workspaceId, name, repositoryUrl: "https://example.test/p", branches: ["main"] } });
    const server = await db().server.create({ data: { workspaceId, name, region: "eu-west-1", address: "10.0.0.1" } });
    const instance = await db().instance.create({ data: { workspaceId, name, projectId: project.id, serverId: server.id, environment: "DEVELOPMENT" } });
    return { project, server, instance };
  };
  return { ws, theirs, mine: await resources(ws.id, "ours"), other: await resources(theirs.id, "theirs") };
}

describe("the settings pages' data", () => {
  it("members (first page): one statement, each row with its live custom roles only", async () => {
    const { ws, theirs } = await twoWorkspaces();
    const dev = await makeUser("Dev Eloper");
    const viewer = await makeUser("Vi Ewer");
    const devMembership = await addMember(ws.id, dev.id, "DEVELOPER");
    await addMember(ws.id, viewer.id, "VIEWER");
    const theirDev = await addMember(theirs.id, dev.id, "DEVELOPER");
    const expires = new Date(Date.now() + 24 * HOUR);
    const [operator, auditor, lapsed] = await Promise.all(
      ["Operator", "Auditor", "Lapsed"].map((name) => db().customRole.create({ data: { workspaceId: ws.id, name } })),
    );
    const theirRole = await db().customRole.create({ data: { workspaceId: theirs.id, name: "Theirs" } });
    await db().memberCustomRole.createMany({
      data: [
        { customRoleId: operator!.id, membershipId: devMembership.id, expiresAt: expires },
        { customRoleId: auditor!.id, membershipId: devMembership.id },
        { customRoleId: lapsed!.id, membershipId: devMembership.id, expiresAt: new Date(Date.now() - HOUR) },
        { customRoleId: theirRole.id, membershipId: theirDev.id },
      ],
    });

    const { statements, result } = await statementsOf(() => listMembers(ws.id, {}));
    expect(statements).toHaveLength(1);
    expect(result.total).toBe(3);
    expect(result.members.map((m) => m.user.name)).toEqual(["Round Trips", "Dev Eloper", "Vi Ewer"]);
    const devRow = result.members.find((m) => m.id === devMembership.id)!;
    expect(devRow.customRoles).toEqual([
      { id: auditor!.id, name: "Auditor", expiresAt: null },
      { id: operator!.id, name: "Operator", expiresAt: expires.toISOString() },
    ]);
    expect(result.members.filter((m) => m.id !== devMembership.id).every((m) => m.customRoles.length === 0)).toBe(true);
    const theirList = await listMembers(theirs.id, {});
    expect(theirList.members.find((m) => m.id === theirDev.id)!.customRoles).toEqual([{ id: theirRole.id, name: "Theirs", expiresAt: null }]);
  });

  it("teams: one statement for the teams with live members and roles, the role choices and the candidates", async () => {
    const { ws, theirs } = await twoWorkspaces();
    const [dev, viewer, admin] = await Promise.all(["Team Dev", "Team Viewer", "Team Admin"].map((name) => makeUser(name)));
    const devMembership = await addMember(ws.id, dev!.id, "DEVELOPER");
    const viewerMembership = await addMember(ws.id, viewer!.id, "VIEWER");
    await addMember(ws.id, admin!.id, "ADMIN");
    await addMember(theirs.id, dev!.id, "VIEWER");
    const expires = new Date(Date.now() + 24 * HOUR);
    const backend = await db().team.create({ data: { workspaceId: ws.id, name: "Backend", roleFloor: "DEVELOPER", actions: ["logs.view"], projectIds: ["p1"] } });
    await db().team.create({ data: { workspaceId: ws.id, name: "Apps" } });
    const theirTeam = await db().team.create({ data: { workspaceId: theirs.id, name: "Theirs" } });
    await db().teamMember.createMany({
      data: [
        { teamId: backend.id, membershipId: devMembership.id, expiresAt: expires },
        { teamId: backend.id, membershipId: viewerMembership.id, expiresAt: new Date(Date.now() - HOUR) },
      ],
    });
    const operator = await db().customRole.create({ data: { workspaceId: ws.id, name: "Operator" } });
    const theirRole = await db().customRole.create({ data: { workspaceId: theirs.id, name: "Theirs" } });
    await db().teamCustomRole.createMany({ data: [{ customRoleId: operator.id, teamId: backend.id }, { customRoleId: theirRole.id, teamId: theirTeam.id }] });

    const { statements, result } = await statementsOf(() => teamsPage(ws.id));
    expect(statements).toHaveLength(1);
    expect(result.teams.map((t) => t.name)).toEqual(["Apps", "Backend"]);
    const team = result.teams[1]!;
    expect(team).toMatchObject({ id: backend.id, roleFloor: "DEVELOPER", actions: ["logs.view"], projectIds: ["p1"], instanceIds: [], serverIds: [] });
    expect(team.members).toEqual([
      { membershipId: devMembership.id, expiresAt: expires, membership: { role: "DEVELOPER", user: { name: "Team Dev", email: dev!.email } } },
    ]);
    expect(team.customRoles).toEqual([{ id: operator.id, name: "Operator", expiresAt: null }]);
    expect(result.teams[0]!).toMatchObject({ members: [], customRoles: [] });
    expect(result.roleChoices).toEqual([{ id: operator.id, name: "Operator" }]);
    expect(result.candidates).toEqual([
      { membershipId: devMembership.id, name: "Team Dev" },
      { membershipId: viewerMembership.id, name: "Team Viewer" },
    ]);
  });

  it("quotas: one statement for the limits, what is used of each and the requests", async () => {
    const { ws, theirs, mine, other } = await twoWorkspaces();
    await db().workspaceQuota.create({ data: { workspaceId: ws.id, resource: "PROJECTS", limit: 42 } });
    await db().workspaceQuota.create({ data: { workspaceId: theirs.id, resource: "SERVERS", limit: 99 } });
    await db().backup.create({ data: { instanceId: mine.instance.id, label: "b1", content: Buffer.from("{}"), sizeBytes: 2 } });
    await db().backup.create({ data: { instanceId: other.instance.id, label: "b2", content: Buffer.from("{}"), sizeBytes: 2 } });
    const key = (workspaceId: string, name: string, extra: object = {}) =>
      db().apiKey.create({ data: { workspaceId, createdById: owner.id, name, access: "READ", prefix: `p${name}${workspaceId.slice(-6)}`, secretHash: `h${name}${workspaceId}`, ...extra } });
    await key(ws.id, "live");
    await key(ws.id, "revoked", { revokedAt: new Date() });
    await key(ws.id, "expired", { expiresAt: new Date(Date.now() - HOUR) });
    await key(theirs.id, "theirs");
    await db().quotaRequest.create({ data: { workspaceId: ws.id, resource: "SERVERS", requestedLimit: 10, reason: "growth" } });
    await db().quotaRequest.create({ data: { workspaceId: theirs.id, resource: "MEMBERS", requestedLimit: 99, reason: "theirs" } });

    const { statements, result } = await statementsOf(() => quotasOverview(ws.id, "FREE"));
    expect(statements).toHaveLength(1);
    expect(result.limits.PROJECTS).toBe(42);
    const free = await quotasOverview(theirs.id, "FREE");
    expect(result.limits.SERVERS).not.toBe(99);
    expect(free.limits.SERVERS).toBe(99);
    expect(result.usage).toEqual({ MEMBERS: 1, PROJECTS: 1, SERVERS: 1, INSTANCES: 1, BACKUPS: 1, API_KEYS: 1 });
    expect(result.requests).toHaveLength(1);
    expect(result.requests[0]).toMatchObject({ resource: "SERVERS", requestedLimit: 10, reason: "growth", status: "PENDING", decidedAt: null });
    expect(result.requests[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("alerting: one statement for the channels with their last deliveries and attempts, and the rules", async () => {
    const { ws, theirs } = await twoWorkspaces();
    const channel = await db().notificationChannel.create({ data: { workspaceId: ws.id, kind: "EMAIL", name: "Ops", emails: ["ops@example.test"] } });
    const theirChannel = await db().notificationChannel.create({ data: { workspaceId: theirs.id, kind: "EMAIL", name: "Theirs", emails: ["x@example.test"] } });
    const base = Date.UTC(2026, 3, 1);
    for (let n = 0; n < 12; n++) {
      await db().delivery.create({
        data: { workspaceId: ws.id, channelId: channel.id, event: `e${n}`, payload: {}, status: "SUCCEEDED", attempts: 1, createdAt: new Date(base + n * 60_000) },
      });
    }
    const newest = await db().delivery.findFirstOrThrow({ where: { channelId: channel.id, event: "e11" } });
    await db().deliveryAttempt.create({ data: { deliveryId: newest.id, ok: false, httpStatus: 500, latencyMs: 12, error: "boom", at: new Date(base) } });
    await db().deliveryAttempt.create({ data: { deliveryId: newest.id, ok: true, httpStatus: 200, latencyMs: 7, at: new Date(base + 60_000) } });
    await db().delivery.create({ data: { workspaceId: theirs.id, channelId: theirChannel.id, event: "theirs", payload: {} } });
    await db().alertRule.create({ data: { workspaceId: ws.id, kind: "BALANCE_BELOW", threshold: 500, channelIds: [channel.id] } });
    await db().alertRule.create({ data: { workspaceId: theirs.id, kind: "BALANCE_BELOW", threshold: 1, channelIds: [theirChannel.id] } });

    const { statements, result } = await statementsOf(() => alertingOverview(ws.id));
    expect(statements).toHaveLength(1);
    expect(result.channels).toHaveLength(1);
    const ops = result.channels[0]!;
    expect(ops).toMatchObject({ id: channel.id, kind: "EMAIL", name: "Ops", enabled: true, emails: ["ops@example.test"], urlHint: null });
    expect(ops.deliveries.map((d) => d.event)).toEqual(["e11", "e10", "e9", "e8", "e7", "e6", "e5", "e4", "e3", "e2"]);
    expect(ops.deliveries[0]).toMatchObject({ status: "SUCCEEDED", attempts: 1, createdAt: new Date(base + 11 * 60_000) });
    expect(ops.deliveries[0]!.log).toMatchObject([
      { ok: true, httpStatus: 200, latencyMs: 7, error: null, at: new Date(base + 60_000) },
      { ok: false, httpStatus: 500, latencyMs: 12, error: "boom", at: new Date(base) },
    ]);
    expect(result.rules).toHaveLength(1);
    expect(result.rules[0]).toMatchObject({ workspaceId: ws.id, kind: "BALANCE_BELOW", threshold: 500, channelIds: [channel.id], enabled: true });
    expect(result.rules[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("roles: the custom roles with their live holders and the grant options, in two statements", async () => {
    const { ws, theirs, mine } = await twoWorkspaces();
    const dev = await makeUser("Role Dev");
    const devMembership = await addMember(ws.id, dev.id, "DEVELOPER");
    const operator = await db().customRole.create({ data: { workspaceId: ws.id, name: "Operator", actions: ["logs.view"], projectIds: [mine.project.id] } });
    await db().customRole.create({ data: { workspaceId: theirs.id, name: "Theirs" } });
    const team = await db().team.create({ data: { workspaceId: ws.id, name: "T" } });
    await db().memberCustomRole.create({ data: { customRoleId: operator.id, membershipId: devMembership.id } });
    await db().teamCustomRole.create({ data: { customRoleId: operator.id, teamId: team.id, expiresAt: new Date(Date.now() - HOUR) } });
    const ctx = (await loadWorkspaceContext(owner.id, ws.slug))!;

    const { statements, result } = await statementsOf(() => Promise.all([listCustomRoles(ws.id), grantOptions(ctx)]));
    expect(statements).toHaveLength(2);
    const [roles, options] = result;
    expect(roles).toEqual([
      expect.objectContaining({ id: operator.id, name: "Operator", actions: ["logs.view"], projectIds: [mine.project.id], memberCount: 1, teamCount: 0 }),
    ]);
    expect(options.projects).toEqual([{ id: mine.project.id, name: "ours" }]);
    expect(options.instances.map((i) => i.id)).toEqual([mine.instance.id]);
    expect(options.servers).toEqual([{ id: mine.server.id, name: "ours" }]);
  });

  it("access requests: one statement for the staff's two lists, one for a member's own; resources named only from this workspace", async () => {
    const { ws, theirs, mine, other } = await twoWorkspaces();
    const dev = await makeUser("Asking Dev");
    const devMembership = await addMember(ws.id, dev.id, "DEVELOPER");
    const theirMembership = await addMember(theirs.id, dev.id, "DEVELOPER");
    const ask = (data: object) => db().accessRequest.create({ data: { workspaceId: ws.id, membershipId: devMembership.id, permission: "logs.view", reason: "debug", ...data } });
    const onInstance = await ask({ resourceKind: "instance", resourceId: mine.instance.id, createdAt: new Date(Date.UTC(2026, 3, 1)) });
    // Another workspace's instance id reads as deleted, its name never shows.
    const foreign = await ask({ resourceKind: "instance", resourceId: other.instance.id, createdAt: new Date(Date.UTC(2026, 3, 2)) });
    const decided = await ask({
      permission: "instances.restart", status: "APPROVED", decidedById: owner.id, decidedAt: new Date(), expiresAt: new Date(Date.now() - HOUR), note: "ok",
    });
    await db().accessRequest.create({ data: { workspaceId: theirs.id, membershipId: theirMembership.id, permission: "logs.view", reason: "theirs" } });
    const ownerCtx = (await loadWorkspaceContext(owner.id, ws.slug))!;
    const devCtx = (await loadWorkspaceContext(dev.id, ws.slug))!;

    const staff = await statementsOf(() => listWorkspaceAccessRequests(ownerCtx, "en"));
    expect(staff.statements).toHaveLength(1);
    expect(staff.result.pending.map((r) => r.id)).toEqual([onInstance.id, foreign.id]);
    expect(staff.result.pending[0]).toMatchObject({ resource: "instance ours", status: "PENDING", requester: { name: "Asking Dev", email: dev.email }, decidedBy: null });
    expect(staff.result.pending[1]!.resource).toBe("an instance (deleted)");
    expect(staff.result.decided.map((r) => r.id)).toEqual([decided.id]);
    expect(staff.result.decided[0]).toMatchObject({ status: "EXPIRED", decidedBy: "Round Trips", note: "ok", resource: null });
    expect(staff.result.decided[0]!.decidedAt).toBeInstanceOf(Date);

    const own = await statementsOf(() => listMyAccessRequests(devCtx, "en"));
    expect(own.statements).toHaveLength(1);
    expect(own.result.map((r) => r.id).sort()).toEqual([onInstance.id, foreign.id, decided.id].sort());
    // A developer without access to the instance is told its kind, not its name.
    expect(own.result.find((r) => r.id === onInstance.id)!.resource).toBe("an instance");
  });

  it("overview: the counts and recent activity in one statement, this workspace's only", async () => {
    const { ws, theirs } = await twoWorkspaces();
    await addMember(ws.id, (await makeUser("Overview Dev")).id, "DEVELOPER");
    await db().auditEvent.create({ data: { workspaceId: ws.id, actorId: owner.id, action: "project.created" } });
    await db().auditEvent.create({ data: { workspaceId: theirs.id, actorId: owner.id, action: "theirs.done" } });
    const ctx = (await loadWorkspaceContext(owner.id, ws.slug))!;

    const { statements, result } = await statementsOf(() => workspaceOverview(ctx));
    expect(statements).toHaveLength(1);
    expect(result.memberCount).toBe(2);
    expect(result.membersByRole).toEqual({ OWNER: 1, DEVELOPER: 1 });
    expect(result.resources).toEqual({ projects: 1, servers: 1, instances: 1 });
    expect(result.recentEvents!.map((e) => e.action)).toEqual(["project.created"]);
  });

  it("overview: past the cap each role's members and each kind of resource are counted to COUNT_CAP + 1, still in one statement", async () => {
    const { ws } = await twoWorkspaces();
    await db().$executeRaw`INSERT INTO "User" (id, name, email, "passwordHash", "updatedAt")
      SELECT ${ws.id} || '-u' || n, 'U' || n, ${ws.id} || '-' || n || '@cap.example', '!', now() FROM generate_series(1, ${COUNT_CAP + 5}) n`;
    await db().$executeRaw`INSERT INTO "Membership" (id, "userId", "workspaceId", role, "updatedAt")
      SELECT ${ws.id} || '-m' || n, ${ws.id} || '-u' || n, ${ws.id}, 'VIEWER', now() FROM generate_series(1, ${COUNT_CAP + 5}) n`;
    await db().$executeRaw`INSERT INTO "Project" (id, "workspaceId", name, "repositoryUrl", "updatedAt")
      SELECT ${ws.id} || '-p' || n, ${ws.id}, 'cap-' || n, 'https://example.test/cap', now() FROM generate_series(1, ${COUNT_CAP + 5}) n`;
    const ctx = (await loadWorkspaceContext(owner.id, ws.slug))!;

    const { statements, result } = await statementsOf(() => workspaceOverview(ctx));
    expect(statements).toHaveLength(1);
    expect(result.membersByRole).toEqual({ OWNER: 1, VIEWER: COUNT_CAP + 1 });
    expect(countLabel(result.memberCount)).toBe("1,000+");
    expect(result.resources).toEqual({ projects: COUNT_CAP + 1, servers: 1, instances: 1 });
  });

  it("/workspace/select: a page of the user's workspaces in two statements, neither of them authorization, counts capped", async () => {
    const { ws } = await twoWorkspaces();
    const user = await makeUser("Many Workspaces");
    await addMember(ws.id, user.id, "DEVELOPER");
    for (let i = 0; i < OVERVIEW_PAGE_SIZE + 1; i++) await makeWorkspace(user.id, `rt-${String(i).padStart(2, "0")}-${user.id.slice(-6)}`);
    // A workspace bigger than the cap: the page says "1,000+" rather than count all its members.
    const big = await makeWorkspace(owner.id, `rt-big-${user.id.slice(-6)}`);
    await addMember(big.id, user.id, "ADMIN");
    await db().$executeRaw`INSERT INTO "User" (id, name, email, "passwordHash", "updatedAt")
      SELECT ${big.id} || '-u' || n, 'U' || n, ${big.id} || '-' || n || '@cap.example', '!', now() FROM generate_series(1, ${COUNT_CAP + 5}) n`;
    await db().$executeRaw`INSERT INTO "Membership" (id, "userId", "workspaceId", role, "updatedAt")
      SELECT ${big.id} || '-m' || n, ${big.id} || '-u' || n, ${big.id}, 'VIEWER', now() FROM generate_series(1, ${COUNT_CAP + 5}) n`;

    const first = await statementsOf(() => workspacesOverview(user.id));
    // With the session check the page makes (the one authorization round trip), three in all.
    expect(first.statements).toHaveLength(2);
    expect(first.statements.filter(isAuthorization)).toEqual([]);
    expect(first.result.total).toBe(OVERVIEW_PAGE_SIZE + 4);
    expect(first.result.workspaces).toHaveLength(OVERVIEW_PAGE_SIZE);

    const next = await statementsOf(() => workspacesOverview(user.id, { link: { after: first.result.next! } }));
    expect(next.statements).toHaveLength(2);
    expect(next.result.workspaces).toHaveLength(4);
    const all = [...first.result.workspaces, ...next.result.workspaces];
    expect(new Set(all.map((w) => w.id)).size).toBe(OVERVIEW_PAGE_SIZE + 4);
    expect(all.find((w) => w.id === big.id)).toMatchObject({ role: "ADMIN", memberCount: COUNT_CAP + 1, resources: { projects: 0, servers: 0, instances: 0 } });
    // A developer without grants sees no resources of the workspace they were added to, as on its own pages.
    expect(all.find((w) => w.id === ws.id)).toMatchObject({ role: "DEVELOPER", memberCount: 2, resources: { projects: 0, servers: 0, instances: 0 } });
  });
});
