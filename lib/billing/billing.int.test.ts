import type { Server } from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stripeWebhookRoute as stripeWebhook } from "@/lib/billing/routes";
import { changePlanAction, topUpAction } from "@/lib/billing/actions";
import { exportTransactionsRoute as exportTransactions } from "@/lib/billing/routes";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { startStripeFake } from "@/tests/support/stripe-fake";
import { makePeople, makeWorld, type People } from "@/tests/support/world";
import { messageText } from "@/lib/i18n/translator";
/** What a person reads: every message in the result that is a catalog key, in English words. */
const inWords = <T,>(value: T): T => JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === "string" ? messageText(v) : v)) as T;

let people: People;
let stripe: { url: string; server: Server; sessions: Record<string, string>[] };
beforeAll(async () => {
  [people, stripe] = await Promise.all([makePeople(), startStripeFake()]);
});
afterAll(() => stripe.server.close());
beforeEach(() => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_BASE;
});

const balance = async (workspaceId: string) => (await db().workspace.findUniqueOrThrow({ where: { id: workspaceId } })).balanceMinor;

describe("top-ups", () => {
  it("credit exact minor units with the demo provider, marked as test money", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    const result = await topUpAction(w.workspace.slug, { amount: "0.29", idempotencyKey: crypto.randomUUID() });
    expect(inWords(result)).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { amount: "Top up at least $5.00" } });
    expect(!result.ok && messageText(result.fieldErrors!.amount!, "de")).toBe("Laden Sie mindestens 5,00\u00a0$ auf");
    expect(await topUpAction(w.workspace.slug, { amount: "19.99", idempotencyKey: crypto.randomUUID() })).toMatchObject({ ok: true, data: { status: "COMPLETED" } });
    expect(await balance(w.workspace.id)).toBe(100_000 + 1999);
    const row = await db().billingTransaction.findFirstOrThrow({ where: { workspaceId: w.workspace.id, type: "TOPUP" } });
    expect(row).toMatchObject({ type: "TOPUP", amountMinor: 1999, balanceAfterMinor: 101_999, isTest: true, provider: "demo" });
  });

  it("charge once for a double submit, even when both arrive together", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    const key = crypto.randomUUID();
    const results = await Promise.all([1, 2, 3].map(() => topUpAction(w.workspace.slug, { amount: "50", idempotencyKey: key })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.duplicate)).toHaveLength(2);
    expect(await balance(w.workspace.id)).toBe(105_000);
    expect(await db().billingTransaction.count({ where: { workspaceId: w.workspace.id, type: "TOPUP" } })).toBe(1);
  });

  it("keep the running balance right under concurrent top-ups", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    await Promise.all(Array.from({ length: 8 }, () => topUpAction(w.workspace.slug, { amount: "10", idempotencyKey: crypto.randomUUID() })));
    expect(await balance(w.workspace.id)).toBe(108_000);
    const rows = await db().billingTransaction.findMany({ where: { workspaceId: w.workspace.id, type: "TOPUP" }, orderBy: { balanceAfterMinor: "asc" } });
    expect(rows.map((r) => r.balanceAfterMinor)).toEqual([101_000, 102_000, 103_000, 104_000, 105_000, 106_000, 107_000, 108_000]);
  });

  it("go through Stripe Checkout and are credited once by the signed webhook", async () => {
    process.env.STRIPE_SECRET_KEY = "sk_test_fake";
    process.env.STRIPE_API_BASE = stripe.url;
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_secret";
    const w = await makeWorld(people);
    actAs(people.owner.id);
    const result = await topUpAction(w.workspace.slug, { amount: "42.50", idempotencyKey: crypto.randomUUID() });
    expect(result).toMatchObject({ ok: true, data: { status: "PENDING", redirectUrl: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\/pay\/cs_test_/) } });
    const pending = await db().billingTransaction.findFirstOrThrow({ where: { workspaceId: w.workspace.id, type: "TOPUP" } });
    expect(pending).toMatchObject({ status: "PENDING", balanceAfterMinor: null, providerRef: expect.stringMatching(/^cs_test_/) });
    expect(stripe.sessions.at(-1)).toMatchObject({ "line_items[0][price_data][unit_amount]": "4250", "metadata[transactionId]": pending.id });
    expect(await balance(w.workspace.id)).toBe(100_000);

    const payload = JSON.stringify({
      id: "evt_1",
      object: "event",
      type: "checkout.session.completed",
      data: { object: { id: pending.providerRef, object: "checkout.session", payment_status: "paid", amount_total: 4250, metadata: { transactionId: pending.id } } },
    });
    const send = (signature: string) =>
      stripeWebhook(new Request("http://app.test/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": signature }, body: payload }));

    const before = await databaseSnapshot();
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    expect((await send(forged)).status).toBe(400);
    expect(await databaseSnapshot()).toEqual(before);

    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_test_secret" });
    expect((await send(signature)).status).toBe(200);
    expect((await send(signature)).status).toBe(200); // Stripe retries; a replay credits nothing more
    expect(await balance(w.workspace.id)).toBe(104_250);
    expect(await db().billingTransaction.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "COMPLETED", balanceAfterMinor: 104_250 });
  });
});

describe("Stripe events delivered twice or out of order", () => {
  async function pendingStripeTopUp() {
    process.env.STRIPE_SECRET_KEY = "sk_test_fake";
    process.env.STRIPE_API_BASE = stripe.url;
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_secret";
    const w = await makeWorld(people);
    actAs(people.owner.id);
    await topUpAction(w.workspace.slug, { amount: "10.00", idempotencyKey: crypto.randomUUID() });
    const pending = await db().billingTransaction.findFirstOrThrow({ where: { workspaceId: w.workspace.id, type: "TOPUP" } });
    return { w, pending };
  }
  const deliver = (pending: { id: string; providerRef: string | null }, n: number, type: string, paymentStatus: string) => {
    const payload = JSON.stringify({
      id: `evt_${n}_${pending.id}`,
      object: "event",
      type,
      data: { object: { id: pending.providerRef, object: "checkout.session", payment_status: paymentStatus, amount_total: 1000, metadata: { transactionId: pending.id } } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_test_secret" });
    return stripeWebhook(new Request("http://app.test/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": signature }, body: payload }));
  };

  it("credit a delayed payment once, whichever of its events comes first and however often", async () => {
    const { w, pending } = await pendingStripeTopUp();
    // The async payment's success overtakes the session's "completed (unpaid)"; then Stripe retries both.
    for (const [n, type, status] of [
      [1, "checkout.session.async_payment_succeeded", "paid"],
      [2, "checkout.session.completed", "unpaid"],
      [1, "checkout.session.async_payment_succeeded", "paid"],
      [2, "checkout.session.completed", "unpaid"],
    ] as const) {
      expect((await deliver(pending, n, type, status)).status).toBe(200);
    }
    expect(await balance(w.workspace.id)).toBe(101_000);
    expect(await db().auditEvent.count({ where: { workspaceId: w.workspace.id, action: "billing.topped_up" } })).toBe(1);
  });

  it("keep a credited top-up credited when a late 'expired' arrives, and fail one that expired unpaid", async () => {
    const { w, pending } = await pendingStripeTopUp();
    expect((await deliver(pending, 1, "checkout.session.completed", "paid")).status).toBe(200);
    expect((await deliver(pending, 2, "checkout.session.expired", "unpaid")).status).toBe(200);
    expect(await db().billingTransaction.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "COMPLETED" });
    expect(await balance(w.workspace.id)).toBe(101_000);

    const other = await pendingStripeTopUp();
    expect((await deliver(other.pending, 3, "checkout.session.expired", "unpaid")).status).toBe(200);
    expect((await deliver(other.pending, 3, "checkout.session.expired", "unpaid")).status).toBe(200);
    expect(await db().billingTransaction.findUniqueOrThrow({ where: { id: other.pending.id } })).toMatchObject({ status: "FAILED" });
    expect(await balance(other.w.workspace.id)).toBe(100_000);
  });
});

describe("a Stripe webhook whose amount differs from the top-up", () => {
  it("marks the top-up failed, credits nothing, and answers 200 so Stripe stops retrying", async () => {
    process.env.STRIPE_SECRET_KEY = "sk_test_fake";
    process.env.STRIPE_API_BASE = stripe.url;
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_secret";
    const w = await makeWorld(people);
    actAs(people.owner.id);
    expect(await topUpAction(w.workspace.slug, { amount: "10.00", idempotencyKey: crypto.randomUUID() })).toMatchObject({ ok: true });
    const pending = await db().billingTransaction.findFirstOrThrow({ where: { workspaceId: w.workspace.id, type: "TOPUP" } });
    const payload = JSON.stringify({
      id: "evt_mismatch",
      object: "event",
      type: "checkout.session.completed",
      data: { object: { id: pending.providerRef, object: "checkout.session", payment_status: "paid", amount_total: 1, metadata: { transactionId: pending.id } } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_test_secret" });
    const send = () => stripeWebhook(new Request("http://app.test/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": signature }, body: payload }));
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect(await balance(w.workspace.id)).toBe(100_000);
    expect(await db().billingTransaction.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "FAILED", balanceAfterMinor: null });
    const event = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: w.workspace.id, action: "billing.topup_failed" } });
    expect(event.metadata).toMatchObject({ reason: "amount_mismatch", expectedMinor: 1000, paidMinor: 1 });
  });
});

describe("plans", () => {
  it("upgrade at once, charging the balance, and refuse a downgrade while usage exceeds it, saying why", async () => {
    const w = await makeWorld(people);
    actAs(people.owner.id);
    // The world is on Pro without a subscription: its first period starts now, so the whole month is left
    // and the upgrade charges the whole difference (the proration itself: subscriptions.int.test.ts).
    expect(await changePlanAction(w.workspace.slug, { plan: "ENTERPRISE" })).toMatchObject({
      ok: true,
      data: { plan: "ENTERPRISE", chargedMinor: 49_900 - 9_900, invoice: "INV-0002" },
    });
    expect(await balance(w.workspace.id)).toBe(100_000 - 40_000);
    const before = await databaseSnapshot();
    const refused = await changePlanAction(w.workspace.slug, { plan: "FREE" });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!refused.ok && messageText(refused.error)).toBe("Can't move to Free while the workspace has 8 members (with pending invitations), 5 allowed; 3 servers, 2 allowed.");
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuse an upgrade the balance cannot pay for", async () => {
    const w = await makeWorld(people);
    await db().workspace.update({ where: { id: w.workspace.id }, data: { balanceMinor: 100 } });
    actAs(people.owner.id);
    const before = await databaseSnapshot();
    expect(inWords(await changePlanAction(w.workspace.slug, { plan: "ENTERPRISE" }))).toMatchObject({ ok: false, code: "LIMIT", error: expect.stringContaining("Top up first") });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("transaction export", () => {
  it("is CSV of this workspace only, filtered like the page", async () => {
    const [w, other] = [await makeWorld(people), await makeWorld(people)];
    actAs(people.owner.id);
    await topUpAction(w.workspace.slug, { amount: "=1+1", idempotencyKey: crypto.randomUUID() });
    await topUpAction(w.workspace.slug, { amount: "12.00", idempotencyKey: crypto.randomUUID() });
    await topUpAction(other.workspace.slug, { amount: "77.00", idempotencyKey: crypto.randomUUID() });
    const response = await exportTransactions(new Request(`http://app.test/${w.workspace.slug}/settings/billing/export?type=TOPUP`), {
      params: Promise.resolve({ workspaceSlug: w.workspace.slug }),
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("date,type,status,description,amount,balance_after,currency,amount_minor,balance_after_minor,test");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",TOPUP,COMPLETED,");
    expect(lines[1]).toContain("$12.00");
    expect(lines.join("\n")).not.toContain("77.00");
  });
});
