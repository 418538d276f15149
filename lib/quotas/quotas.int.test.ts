import { describe, expect, it, beforeAll, afterAll } from "vitest";
import type { Server } from "node:http";
import { decideQuotaRequestAction } from "@/lib/quotas/actions";
import { listAllQuotaRequests } from "@/lib/quotas/queries";
import { createProjectAction } from "@/lib/resources/actions";
import { createServerAction } from "@/lib/resources/actions";
import { requestQuotaAction } from "@/lib/quotas/actions";
import { setPlatformOperator } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { startMailCapture, type CapturedEmail } from "@/tests/support/mail-capture";
import { sendQueuedMail } from "@/tests/support/outbox";
import { makePeople, makeWorld, type People } from "@/tests/support/world";
import { makeUser } from "@/tests/support/factories";
import { messageText } from "@/lib/i18n/translator";
/** What a person reads: every message in the result that is a catalog key, in English words. */
const inWords = <T,>(value: T): T => JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === "string" ? messageText(v) : v)) as T;

let people: People;
let mail: { url: string; server: Server; emails: CapturedEmail[] };
beforeAll(async () => {
  [people, mail] = await Promise.all([makePeople(), startMailCapture()]);
  process.env.RESEND_API_KEY = "re_test";
  process.env.RESEND_BASE_URL = mail.url;
});
afterAll(() => {
  mail.server.close();
  delete process.env.RESEND_API_KEY;
});

describe("quotas", () => {
  it("refuse a create past the limit, naming the quota and where to ask for more, writing nothing", async () => {
    const w = await makeWorld(people);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { plan: "FREE" } }); // 3 servers already, FREE allows 2
    actAs(people.admin.id);
    const before = await databaseSnapshot();
    const result = await createServerAction(w.workspace.slug, { name: "one-more", region: "eu-west-1", address: "10.1.1.1" });
    expect(inWords(result)).toEqual({
      ok: false,
      code: "LIMIT",
      error: "Quota reached: this workspace may have 2 servers. Request more under Settings → Quotas.",
      fieldErrors: undefined,
      help: { label: "Request more", href: `/${w.workspace.slug}/settings/quotas?resource=SERVERS` },
    });
    expect(!result.ok && messageText(result.error, "de")).toBe(
      "Kontingent erreicht: Dieser Workspace darf 2 Server haben. Fragen Sie unter Einstellungen → Kontingente nach mehr.",
    );
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("let exactly one of two concurrent creates take the last slot", async () => {
    const w = await makeWorld(people);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { plan: "FREE" } });
    await db().workspaceQuota.create({ data: { workspaceId: w.workspace.id, resource: "PROJECTS", limit: 4 } }); // 3 used
    actAs(people.admin.id);
    const results = await Promise.all(
      ["race-a", "race-b", "race-c"].map((name) => createProjectAction(w.workspace.slug, { name, repositoryUrl: "https://example.test/r", branches: "main" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "LIMIT")).toHaveLength(2);
    expect(await db().project.count({ where: { workspaceId: w.workspace.id } })).toBe(4);
  });

  it("are raised by an operator's approval, and the requester is emailed either way", async () => {
    const w = await makeWorld(people);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { plan: "FREE" } });
    const operator = await makeUser("Operator");
    await setPlatformOperator(db(), operator.email.toUpperCase(), true);

    actAs(people.admin.id);
    const asked = await requestQuotaAction(w.workspace.slug, { resource: "SERVERS", requestedLimit: 10, reason: "We are opening a US region" });
    expect(asked.ok).toBe(true);
    // The owner reads German: the decision on their request is mailed in German, whatever the operator reads.
    await db().user.update({ where: { id: people.owner.id }, data: { locale: "de" } });
    actAs(people.owner.id);
    const denied = await requestQuotaAction(w.workspace.slug, { resource: "BACKUPS", requestedLimit: 99, reason: "Keep more history around" });
    const [approveId, denyId] = [asked.ok && asked.data.id, denied.ok && denied.data.id] as string[];

    // A workspace owner is not a platform operator, nor is anyone the retired address list names.
    process.env.PLATFORM_ADMIN_EMAILS = people.owner.email;
    actAs(people.owner.id);
    expect(await decideQuotaRequestAction({ requestId: approveId!, decision: "approve" })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    actAs(operator.id);
    expect(await decideQuotaRequestAction({ requestId: approveId!, decision: "approve" })).toEqual({ ok: true, data: { status: "APPROVED" } });
    expect(await decideQuotaRequestAction({ requestId: denyId!, decision: "deny" })).toEqual({ ok: true, data: { status: "DENIED" } });
    expect(await decideQuotaRequestAction({ requestId: approveId!, decision: "deny" })).toMatchObject({ ok: false, code: "CONFLICT" });

    expect(await db().workspaceQuota.findUnique({ where: { workspaceId_resource: { workspaceId: w.workspace.id, resource: "SERVERS" } } })).toMatchObject({ limit: 10 });
    expect(await db().workspaceQuota.count({ where: { workspaceId: w.workspace.id, resource: "BACKUPS" } })).toBe(0);
    actAs(people.admin.id);
    expect(await createServerAction(w.workspace.slug, { name: "us-east", region: "us-east-1", address: "10.2.2.2" })).toMatchObject({ ok: true });

    await sendQueuedMail();
    const toAdmin = mail.emails.filter((e) => e.to.includes(people.admin.email));
    expect(toAdmin.map((e) => e.subject)).toEqual(["Your quota request was approved"]);
    expect(toAdmin[0]!.text).toContain(`Your request for a servers limit of 10 was approved: ${w.workspace.name} now has a servers limit of 10.`);
    const toOwner = mail.emails.filter((e) => e.to.includes(people.owner.email));
    expect(toOwner.map((e) => e.subject)).toEqual(["Ihre Kontingentanfrage wurde abgelehnt"]);
    expect(toOwner[0]!.text).toContain(`Ihre Anfrage nach einer Grenze von 99 für Backups wurde abgelehnt: ${w.workspace.name} behält die bisherige Grenze.`);
    await db().user.update({ where: { id: people.owner.id }, data: { locale: null } });
    const events = await db().auditEvent.findMany({ where: { workspaceId: w.workspace.id, action: { startsWith: "quota." } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["quota.requested", "quota.requested", "quota.approved", "quota.denied"]);
  });

  it("of a deleted workspace are out of the operators' queue and cannot be decided, until it is restored", async () => {
    const w = await makeWorld(people);
    const operator = await makeUser("Operator");
    await setPlatformOperator(db(), operator.email, true);
    actAs(people.admin.id);
    const asked = await requestQuotaAction(w.workspace.slug, { resource: "SERVERS", requestedLimit: 30, reason: "Before the deletion" });
    const requestId = asked.ok ? asked.data.id : "";
    await db().workspace.update({ where: { id: w.workspace.id }, data: { deletedAt: new Date(), purgeAfter: new Date(Date.now() + 86_400_000) } });
    expect((await listAllQuotaRequests()).map((r) => r.id)).not.toContain(requestId);
    actAs(operator.id);
    const before = await databaseSnapshot();
    expect(await decideQuotaRequestAction({ requestId, decision: "approve" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await databaseSnapshot()).toEqual(before);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { deletedAt: null, purgeAfter: null } });
    expect((await listAllQuotaRequests()).map((r) => r.id)).toContain(requestId);
  });

  it("take one decision when two operators decide at once: the other is told, and its side writes nothing", async () => {
    const w = await makeWorld(people);
    const operator = await makeUser("Operator");
    await setPlatformOperator(db(), operator.email, true);
    actAs(people.admin.id);
    const asked = await requestQuotaAction(w.workspace.slug, { resource: "SERVERS", requestedLimit: 40, reason: "Two regions more" });
    const requestId = asked.ok ? asked.data.id : "";
    actAs(operator.id);
    const outcomes = await Promise.all([
      decideQuotaRequestAction({ requestId, decision: "approve" }),
      decideQuotaRequestAction({ requestId, decision: "deny" }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toMatchObject([{ code: "CONFLICT" }]);
    const decided = await db().quotaRequest.findUniqueOrThrow({ where: { id: requestId } });
    const limit = await db().workspaceQuota.findUnique({ where: { workspaceId_resource: { workspaceId: w.workspace.id, resource: "SERVERS" } } });
    // The quota matches the decision that stood.
    expect(limit?.limit ?? null).toBe(decided.status === "APPROVED" ? 40 : null);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: { in: ["quota.approved", "quota.denied"] } } })).toBe(1);
  });
});
