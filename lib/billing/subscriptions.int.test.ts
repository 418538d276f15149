import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "@/generated/prisma/enums";
import { cancelScheduledChangeAction, changePlanAction, topUpAction, updateBillingDetailsAction } from "@/lib/billing/actions";
import { chargeWithInvoice } from "@/lib/billing/ledger";
import { billingNotice } from "@/lib/billing/queries";
import { loadWorkspaceContext } from "@/lib/authz/context";
import { renewSubscriptions } from "@/lib/billing/renewal";
import { invoicePdfRoute } from "@/lib/billing/routes";
import { addMonth, DAY_MS } from "@/lib/billing/proration";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secrets";
import { inviteMembersAction } from "@/lib/invitations/actions";
import { createProjectAction, createServerAction } from "@/lib/resources/actions";
import { lockWorkspace } from "@/lib/workspaces/lock";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { makePeople, makeWorld, type People, type World } from "@/tests/support/world";
import { messageText } from "@/lib/i18n/translator";
/** What a person reads: every message in the result that is a catalog key, in English words. */
const inWords = <T,>(value: T): T => JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === "string" ? messageText(v) : v)) as T;

/**
 * Subscriptions, renewals, proration and invoices. The clock is an argument: renewSubscriptions(now)
 * runs the worker's pass as of `now`, so a month passes in a line. Plan changes through the action run
 * at the real time, so their periods are set relative to it.
 */

let people: People;
beforeAll(async () => {
  people = await makePeople();
  delete process.env.STRIPE_SECRET_KEY; // top-ups credit at once with the demo provider
});
afterEach(() => {
  delete process.env.BILLING_GRACE_DAYS;
});

const at = (iso: string) => new Date(iso);

/** Puts the world on `plan` with a subscription for [start, start + 1 month) and the given balance. */
async function subscribe(w: World, plan: Plan, start: Date, balanceMinor: number, end = addMonth(start)) {
  await db().workspace.update({ where: { id: w.workspace.id }, data: { plan, balanceMinor } });
  await db().subscription.create({ data: { workspaceId: w.workspace.id, currentPeriodStart: start, currentPeriodEnd: end } });
}

const workspaceOf = (w: World) => db().workspace.findUniqueOrThrow({ where: { id: w.workspace.id } });
/** The banner a member would see: from the workspace context the membership statement loads, as the layout reads it. */
const noticeOf = async (workspace: { slug: string }, now?: Date) =>
  billingNotice((await loadWorkspaceContext(people.owner.id, workspace.slug))!.workspace, now);
const subscriptionOf = (w: World) => db().subscription.findUniqueOrThrow({ where: { workspaceId: w.workspace.id } });
const invoicesOf = (w: World) => db().invoice.findMany({ where: { workspaceId: w.workspace.id }, orderBy: { number: "asc" } });
const chargesOf = (w: World) => db().billingTransaction.findMany({ where: { workspaceId: w.workspace.id, type: "CHARGE" }, orderBy: { createdAt: "asc" } });
const mailOf = async (w: World) =>
  (await db().outboundEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "billing" }, orderBy: [{ createdAt: "asc" }, { to: "asc" }] })).map((m) => ({
    to: m.to,
    subject: m.subject,
    text: decryptSecret(m.textCiphertext, "outbound-email"),
  }));

describe("renewal", () => {
  it("charges the balance at the period's end, with an invoice, once however often the pass runs", async () => {
    const w = await makeWorld(people);
    await subscribe(w, "PRO", at("2030-01-01T00:00:00Z"), 50_000);
    await renewSubscriptions(at("2030-01-31T23:59:59Z"));
    expect(await chargesOf(w)).toHaveLength(1); // the world's own, from before

    await renewSubscriptions(at("2030-02-01T00:00:00Z"));
    await renewSubscriptions(at("2030-02-01T00:00:05Z"));
    expect((await workspaceOf(w)).balanceMinor).toBe(50_000 - 9_900);
    expect(await subscriptionOf(w)).toMatchObject({
      status: "ACTIVE",
      currentPeriodStart: at("2030-02-01T00:00:00Z"),
      currentPeriodEnd: at("2030-03-01T00:00:00Z"),
    });
    const charges = await chargesOf(w);
    expect(charges).toHaveLength(2);
    expect(charges[1]).toMatchObject({ amountMinor: -9_900, balanceAfterMinor: 40_100, description: "Pro plan, 2030-02-01 – 2030-03-01", provider: "balance" });
    const invoices = await invoicesOf(w);
    expect(invoices.map((i) => i.number)).toEqual([1, 2]);
    expect(invoices[1]).toMatchObject({
      amountMinor: 9_900,
      plan: "PRO",
      transactionId: charges[1]!.id,
      periodStart: at("2030-02-01T00:00:00Z"),
      periodEnd: at("2030-03-01T00:00:00Z"),
    });
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "billing.renewed" } })).toBe(1);
  });

  it("makes a paid workspace without a subscription one starting now, on the first pass, charging nothing", async () => {
    const [paid, free] = [await makeWorld(people), await makeWorld(people)];
    await db().workspace.update({ where: { id: free.workspace.id }, data: { plan: "FREE" } });
    const now = at("2031-06-10T08:00:00Z");
    await renewSubscriptions(now);
    expect(await subscriptionOf(paid)).toMatchObject({ status: "ACTIVE", currentPeriodStart: now, currentPeriodEnd: at("2031-07-10T08:00:00Z") });
    expect(await chargesOf(paid)).toHaveLength(1); // only the world's own
    expect(await db().subscription.findUnique({ where: { workspaceId: free.workspace.id } })).toBeNull();
  });

  it("makes an unpaid renewal past due, mails owners and admins, alerts, and renews after a top-up during the grace", async () => {
    const w = await makeWorld(people);
    await subscribe(w, "PRO", at("2030-01-01T00:00:00Z"), 5_000);
    await db().alertRule.create({ data: { workspaceId: w.workspace.id, kind: "BILLING_PAST_DUE", channelIds: [w.channel.id] } });

    await renewSubscriptions(at("2030-02-01T06:00:00Z"));
    expect(await subscriptionOf(w)).toMatchObject({ status: "PAST_DUE", graceEndsAt: at("2030-02-08T06:00:00Z") });
    expect(await workspaceOf(w)).toMatchObject({ plan: "PRO", balanceMinor: 5_000 });
    expect(await chargesOf(w)).toHaveLength(1);
    const mail = await mailOf(w);
    expect(mail.map((m) => m.to).sort()).toEqual([people.admin.email, people.owner.email].sort());
    expect(mail[0]!.subject).toBe(`Payment needed: ${w.workspace.name}'s Pro plan`);
    expect(mail[0]!.text).toContain("was due to renew for $99.00, but the prepaid balance ($50.00) does not cover it");
    expect(mail[0]!.text).toContain("Top up by Feb 8, 2030 (UTC)");
    const deliveries = await db().delivery.findMany({ where: { workspaceId: w.workspace.id, event: "BILLING_PAST_DUE" } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.payload).toMatchObject({ title: "Pro renewal unpaid", data: { stage: "past_due", amountMinor: 9_900 } });
    expect(await noticeOf(w.workspace)).toEqual({ kind: "past_due", plan: "PRO", graceEndsAt: at("2030-02-08T06:00:00Z") });

    // A pass that cannot do anything more changes nothing, and mails nobody again.
    const quiet = await databaseSnapshot();
    await renewSubscriptions(at("2030-02-03T00:00:00Z"));
    expect(await databaseSnapshot()).toEqual(quiet);

    // An upgrade waits for the renewal to be paid.
    actAs(people.owner.id);
    expect(inWords(await changePlanAction(w.workspace.slug, { plan: "ENTERPRISE" }))).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("renewal is unpaid") });

    expect(await topUpAction(w.workspace.slug, { amount: "100", idempotencyKey: crypto.randomUUID() })).toMatchObject({ ok: true });
    await renewSubscriptions(at("2030-02-04T00:00:00Z"));
    // The period follows the one that ended: the grace days were on Pro.
    expect(await subscriptionOf(w)).toMatchObject({
      status: "ACTIVE",
      graceEndsAt: null,
      currentPeriodStart: at("2030-02-01T00:00:00Z"),
      currentPeriodEnd: at("2030-03-01T00:00:00Z"),
    });
    expect((await workspaceOf(w)).balanceMinor).toBe(5_000 + 10_000 - 9_900);
    expect((await invoicesOf(w)).map((i) => [i.number, i.amountMinor])).toEqual([[1, 9_900], [2, 9_900]]);
    expect(await noticeOf(w.workspace)).toBeNull();
  });

  it("falls back to Free once the grace is over: nothing is deleted, and creates past Free's limits are refused saying why", async () => {
    process.env.BILLING_GRACE_DAYS = "3";
    const w = await makeWorld(people);
    await subscribe(w, "PRO", at("2030-01-01T00:00:00Z"), 0);
    await renewSubscriptions(at("2030-02-01T00:00:00Z"));
    expect(await subscriptionOf(w)).toMatchObject({ status: "PAST_DUE", graceEndsAt: at("2030-02-04T00:00:00Z") });
    await renewSubscriptions(at("2030-02-03T23:59:59Z"));
    expect((await workspaceOf(w)).plan).toBe("PRO");

    await renewSubscriptions(at("2030-02-04T00:00:00Z"));
    expect((await workspaceOf(w)).plan).toBe("FREE");
    expect(await subscriptionOf(w)).toMatchObject({ status: "CANCELLED", lapsedFromPlan: "PRO", lapsedAt: at("2030-02-04T00:00:00Z"), graceEndsAt: null });
    // Everything is still there, over Free's limits (2 servers, 3 projects, 5 seats).
    expect(await db().server.count({ where: { workspaceId: w.workspace.id } })).toBe(3);
    expect(await db().project.count({ where: { workspaceId: w.workspace.id } })).toBe(3);
    expect(await db().membership.count({ where: { workspaceId: w.workspace.id } })).toBe(7);
    expect((await mailOf(w)).filter((m) => m.subject === `${w.workspace.name} is now on the Free plan`)).toHaveLength(2);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "billing.fell_back" } })).toBe(1);
    const fellBack = await workspaceOf(w);
    expect(await noticeOf(fellBack, at("2030-02-05T00:00:00Z"))).toEqual({ kind: "fell_back", from: "PRO", at: at("2030-02-04T00:00:00Z") });
    expect(await noticeOf(fellBack, at("2030-03-10T00:00:00Z"))).toBeNull();

    actAs(people.admin.id);
    const before = await databaseSnapshot();
    const server = await createServerAction(w.workspace.slug, { name: "one-more", region: "eu-west-1", address: "10.1.1.1" });
    expect(server).toMatchObject({ ok: false, code: "LIMIT" });
    expect(!server.ok && messageText(server.error)).toBe(
      "Quota reached: this workspace may have 2 servers on the Free plan, which it fell back to on 2030-02-04 when its Pro renewal went unpaid. " +
        "What it has beyond that is kept, read-only. Top up and upgrade under Settings → Billing, or request more under Settings → Quotas.",
    );
    const project = await createProjectAction(w.workspace.slug, { name: "more", repositoryUrl: "https://example.test/m", branches: "main" });
    expect(!project.ok && messageText(project.error)).toContain("fell back to on 2030-02-04 when its Pro renewal went unpaid");
    const invite = await inviteMembersAction(w.workspace.slug, { emails: "late@test.example", role: "VIEWER" });
    expect(invite).toMatchObject({ ok: true, data: { results: [{ outcome: "seat_limit" }] } });
    expect(await databaseSnapshot()).toEqual(before);

    // Upgrading again lifts it, and the workspace is no longer marked as fallen back.
    actAs(people.owner.id);
    await topUpAction(w.workspace.slug, { amount: "50", idempotencyKey: crypto.randomUUID() });
    expect(await changePlanAction(w.workspace.slug, { plan: "STARTER" })).toMatchObject({ ok: true, data: { plan: "STARTER", chargedMinor: 1_900 } });
    expect(await subscriptionOf(w)).toMatchObject({ status: "ACTIVE", lapsedFromPlan: null, lapsedAt: null });
    expect(await noticeOf(await workspaceOf(w))).toBeNull();
  });
});

describe("plan changes", () => {
  /** A subscription whose period started `elapsed` days ago and ends `left` days from now. */
  async function midPeriod(w: World, plan: Plan, elapsed: number, left: number) {
    const now = Date.now();
    await subscribe(w, plan, new Date(now - elapsed * DAY_MS), 100_000, new Date(now + left * DAY_MS));
  }

  it.each([
    // from, to, days gone, days left, charged: difference × left / days, to the cent
    ["STARTER", "PRO", 18, 12, 3_200], //   8,000 × 12/30
    ["STARTER", "PRO", 21, 10, 2_581], //   8,000 × 10/31 = 2,580.65
    ["PRO", "ENTERPRISE", 27, 1, 1_429], // 40,000 × 1/28 = 1,428.57
    ["STARTER", "ENTERPRISE", 0, 30, 48_000], // a whole period left: the whole difference
  ] as const)("an upgrade from %s to %s with %i days gone and %i left charges %i now, with its invoice", async (from, to, gone, left, charged) => {
    const w = await makeWorld(people);
    await midPeriod(w, from, gone, left);
    const end = (await subscriptionOf(w)).currentPeriodEnd;
    actAs(people.owner.id);
    expect(await changePlanAction(w.workspace.slug, { plan: to })).toMatchObject({ ok: true, data: { plan: to, chargedMinor: charged, invoice: "INV-0002" } });
    expect((await workspaceOf(w)).balanceMinor).toBe(100_000 - charged);
    const invoice = (await invoicesOf(w))[1]!;
    expect(invoice).toMatchObject({ number: 2, amountMinor: charged, plan: to, periodEnd: end });
    expect(invoice.description).toMatch(new RegExp(`^Upgrade from \\w+ to \\w+, ${left} of ${gone + left} days \\(`));
    // The period stays; it renews at the new plan's price.
    expect(await subscriptionOf(w)).toMatchObject({ status: "ACTIVE", currentPeriodEnd: end, scheduledPlan: null });
  });

  it("upgrades from Free by charging a month of the new plan, starting now", async () => {
    const w = await makeWorld(people);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { plan: "FREE" } });
    actAs(people.owner.id);
    const before = Date.now();
    expect(await changePlanAction(w.workspace.slug, { plan: "PRO" })).toMatchObject({ ok: true, data: { plan: "PRO", chargedMinor: 9_900, invoice: "INV-0002" } });
    const subscription = await subscriptionOf(w);
    expect(subscription.currentPeriodStart.getTime()).toBeGreaterThanOrEqual(before);
    expect(subscription.currentPeriodEnd).toEqual(addMonth(subscription.currentPeriodStart));
    expect((await invoicesOf(w))[1]).toMatchObject({ amountMinor: 9_900, periodStart: subscription.currentPeriodStart, periodEnd: subscription.currentPeriodEnd });
  });

  it("schedules a downgrade for the period's end (cancellable), refuses one below usage, and applies it at renewal", async () => {
    const w = await makeWorld(people);
    await subscribe(w, "PRO", at("2030-01-01T00:00:00Z"), 50_000);
    actAs(people.owner.id);

    const before = await databaseSnapshot();
    const refused = await changePlanAction(w.workspace.slug, { plan: "FREE" });
    expect(!refused.ok && messageText(refused.error)).toBe("Can't move to Free while the workspace has 8 members (with pending invitations), 5 allowed; 3 servers, 2 allowed.");
    expect(await databaseSnapshot()).toEqual(before);

    expect(await changePlanAction(w.workspace.slug, { plan: "STARTER" })).toEqual({
      ok: true,
      data: { plan: "PRO", scheduledPlan: "STARTER", effectiveAt: at("2030-02-01T00:00:00Z"), chargedMinor: 0, invoice: null },
    });
    expect(await workspaceOf(w)).toMatchObject({ plan: "PRO", balanceMinor: 50_000 });
    expect(await cancelScheduledChangeAction(w.workspace.slug, {})).toEqual({ ok: true, data: { plan: "PRO" } });
    expect((await subscriptionOf(w)).scheduledPlan).toBeNull();
    expect(inWords(await cancelScheduledChangeAction(w.workspace.slug, {}))).toMatchObject({ ok: false, code: "CONFLICT", error: "No plan change is scheduled." });

    await changePlanAction(w.workspace.slug, { plan: "STARTER" });
    await renewSubscriptions(at("2030-01-20T00:00:00Z"));
    expect((await workspaceOf(w)).plan).toBe("PRO");
    await renewSubscriptions(at("2030-02-01T00:00:00Z"));
    expect(await workspaceOf(w)).toMatchObject({ plan: "STARTER", balanceMinor: 50_000 - 1_900 });
    expect(await subscriptionOf(w)).toMatchObject({ status: "ACTIVE", scheduledPlan: null, currentPeriodEnd: at("2030-03-01T00:00:00Z") });
    expect((await invoicesOf(w)).at(-1)).toMatchObject({ amountMinor: 1_900, plan: "STARTER", description: "Starter plan, 2030-02-01 – 2030-03-01" });
  });

  it("moves to Free at the period's end without a charge when that was the scheduled plan", async () => {
    const w = await makeWorld(people);
    await db().invitation.deleteMany({ where: { workspaceId: w.workspace.id } });
    await db().membership.deleteMany({ where: { workspaceId: w.workspace.id, userId: { in: [people.viewer.id, people.target.id] } } });
    await db().server.delete({ where: { id: w.emptyServer.id } });
    await subscribe(w, "STARTER", at("2030-01-01T00:00:00Z"), 50_000);
    actAs(people.owner.id);
    expect(await changePlanAction(w.workspace.slug, { plan: "FREE" })).toMatchObject({ ok: true, data: { plan: "STARTER", scheduledPlan: "FREE" } });
    await renewSubscriptions(at("2030-02-01T00:00:00Z"));
    expect(await workspaceOf(w)).toMatchObject({ plan: "FREE", balanceMinor: 50_000 });
    expect(await subscriptionOf(w)).toMatchObject({ status: "CANCELLED", lapsedFromPlan: null });
    expect(await noticeOf(w.workspace)).toBeNull();
  });
});

describe("invoices", () => {
  it("are numbered without gap or duplicate under concurrent charges, rolled-back ones included", async () => {
    const w = await makeWorld(people); // holds INV-0001
    const attempts = Array.from({ length: 12 }, (_, i) =>
      db()
        .$transaction(async (tx) => {
          const workspace = await lockWorkspace(tx, w.workspace.id);
          const { invoice } = await chargeWithInvoice(tx, workspace, {
            amountMinor: 100 + i,
            description: `Charge ${i}`,
            plan: "PRO",
            periodStart: new Date(),
            periodEnd: new Date(),
            idempotencyKey: `concurrent-${i}`,
            createdById: null,
          });
          // Every fourth fails after taking its number: the transaction takes the number back with it.
          if (i % 4 === 3) throw new Error("rolled back");
          return invoice.number;
        })
        .catch(() => null),
    );
    const numbers = (await Promise.all(attempts)).filter((n): n is number => n !== null);
    expect(numbers).toHaveLength(9);
    expect([...numbers].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const invoices = await invoicesOf(w);
    expect(invoices.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await workspaceOf(w)).invoiceCounter).toBe(10);
    // Each invoice is its own charge, and the balance moved by exactly the charges that stood.
    const charged = invoices.slice(1).reduce((sum, i) => sum + i.amountMinor, 0);
    expect((await workspaceOf(w)).balanceMinor).toBe(100_000 - charged);
    expect(new Set(invoices.map((i) => i.transactionId)).size).toBe(10);
  });

  it("carry the billing details as they were when issued, which the owner edits with field errors", async () => {
    const w = await makeWorld(people);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { plan: "FREE" } });
    actAs(people.owner.id);
    expect(inWords(await updateBillingDetailsAction(w.workspace.slug, { legalName: " ", address: "", vatId: "12" }))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: {
        legalName: "Enter the legal name invoices are made out to",
        address: "Enter the billing address",
        vatId: "Enter a VAT id like DE123456789, or leave it empty",
      },
    });
    expect(
      await updateBillingDetailsAction(w.workspace.slug, { legalName: "Müller & Söhne GmbH", address: "Hauptstraße 1\n10115 Berlin", vatId: "de 123 456 789" }),
    ).toEqual({ ok: true, data: { saved: true } });
    await changePlanAction(w.workspace.slug, { plan: "STARTER" });
    await updateBillingDetailsAction(w.workspace.slug, { legalName: "Renamed AG", address: "Elsewhere 2", vatId: "" });
    expect((await invoicesOf(w))[1]).toMatchObject({ billingName: "Müller & Söhne GmbH", billingAddress: "Hauptstraße 1\n10115 Berlin", billingVatId: "DE123456789" });

    actAs(people.developer.id);
    expect(await updateBillingDetailsAction(w.workspace.slug, { legalName: "X", address: "Y", vatId: "" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("download as a PDF whose text has the amount, for billing readers of this workspace only", async () => {
    const [w, other] = [await makeWorld(people), await makeWorld(people)];
    await db().invoice.update({ where: { id: w.invoice.id }, data: { billingName: "Müller & Söhne GmbH", billingVatId: "DE123456789" } });
    const download = (invoiceId: string) =>
      invoicePdfRoute(new Request(`http://app.test/${w.workspace.slug}/settings/billing/invoices/${invoiceId}`), {
        params: Promise.resolve({ workspaceSlug: w.workspace.slug, invoiceId }),
      });

    actAs(people.admin.id);
    const response = await download(w.invoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${w.workspace.slug}-inv-0001.pdf"`);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true });
    expect(text).toContain("Invoice INV-0001");
    expect(text).toContain("$99.00");
    expect(text).toContain("Müller & Söhne GmbH");
    expect(text).toContain("VAT id: DE123456789");

    expect((await download(other.invoice.id)).status).toBe(404);
    expect((await download("not a valid id")).status).toBe(400);
    actAs(people.developer.id);
    expect((await download(w.invoice.id)).status).toBe(403);
    actAs(people.nonMember.id);
    expect((await download(w.invoice.id)).status).toBe(404);
  });
});
