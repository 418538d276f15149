import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stopInstanceAction } from "@/lib/resources/actions";
import { createAlertRuleAction, saveChannelAction, sendTestAlertAction } from "@/lib/alerting/actions";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { startReceiver } from "@/tests/support/receiver";
import { makePeople, makeWorld, type People, type World } from "@/tests/support/world";
import { runDeliveryWorkerOnce } from "./queue";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "./signing";

let people: People;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  [people, receiver] = await Promise.all([makePeople(), startReceiver()]);
});
afterAll(() => receiver.server.close());
beforeEach(() => {
  process.env.ALERTS_ALLOW_PRIVATE_TARGETS = "true";
  receiver.state.failNext = 0;
});

async function webhook(w: World, path: string) {
  actAs(people.admin.id);
  const result = await saveChannelAction(w.workspace.slug, { kind: "WEBHOOK", name: `hook ${path}`, url: `${receiver.url}/${path}` });
  if (!result.ok) throw new Error(result.error);
  return result.data as { id: string; signingSecret: string };
}

const at = (path: string) => receiver.received.filter((r) => r.path === `/${path}`);
async function drain() {
  while ((await runDeliveryWorkerOnce()) > 0) {
    // until nothing is due
  }
}

describe("channels", () => {
  it("sign webhook deliveries so the receiver can verify them, and keep URL and secret encrypted", async () => {
    const w = await makeWorld(people);
    const hook = await webhook(w, "signed");
    expect(hook.signingSecret).toMatch(/^whsec_/);
    const outcome = await sendTestAlertAction(w.workspace.slug, { channelId: hook.id });
    expect(outcome).toMatchObject({ ok: true, data: { ok: true, httpStatus: 200, error: null } });
    const [request] = at("signed");
    expect(verifySignature(hook.signingSecret, Number(request!.headers[TIMESTAMP_HEADER]), request!.body, String(request!.headers[SIGNATURE_HEADER]))).toBe(true);
    expect(verifySignature("whsec_wrong", Number(request!.headers[TIMESTAMP_HEADER]), request!.body, String(request!.headers[SIGNATURE_HEADER]))).toBe(false);
    expect(JSON.parse(request!.body)).toMatchObject({ event: "TEST", test: true, workspace: { slug: w.workspace.slug } });

    const raw = JSON.stringify(await db().$queryRaw`SELECT * FROM "NotificationChannel"`);
    expect(raw).not.toContain(hook.signingSecret);
    expect(raw).not.toContain(`${receiver.url}/signed`); // only a hint of the path is kept in the clear
    const attempts = await db().deliveryAttempt.findMany({ where: { delivery: { channelId: hook.id } } });
    expect(attempts).toMatchObject([{ ok: true, httpStatus: 200 }]);
  });

  it("refuse private and plain-http targets unless the flag allows them (SSRF guard), writing nothing", async () => {
    const w = await makeWorld(people);
    delete process.env.ALERTS_ALLOW_PRIVATE_TARGETS;
    actAs(people.admin.id);
    const before = await databaseSnapshot();
    expect(await saveChannelAction(w.workspace.slug, { kind: "WEBHOOK", name: "internal", url: `${receiver.url}/x` })).toMatchObject({
      ok: false,
      fieldErrors: { url: "Use an https:// URL" },
    });
    expect(await databaseSnapshot()).toEqual(before);

    const saved = await saveChannelAction(w.workspace.slug, { kind: "SLACK", name: "metadata", url: "https://169.254.169.254/latest/meta-data" });
    expect(saved.ok).toBe(true);
    const outcome = await sendTestAlertAction(w.workspace.slug, { channelId: saved.ok ? saved.data.id : "" });
    expect(outcome).toMatchObject({ ok: true, data: { ok: false, error: "Refused: 169.254.169.254 resolves to a private, loopback or link-local address" } });
  });
});

describe("rules and deliveries", () => {
  it("store a delivery with the event, then the worker sends it and logs the attempt", async () => {
    const w = await makeWorld(people);
    const hook = await webhook(w, "rule");
    await createAlertRuleAction(w.workspace.slug, { kind: "INSTANCE_STOPPED", channelIds: [hook.id] });
    await stopInstanceAction(w.workspace.slug, { instanceId: w.instance.id });
    const stored = await db().delivery.findMany({ where: { channelId: hook.id } });
    expect(stored).toMatchObject([{ event: "INSTANCE_STOPPED", status: "PENDING", attempts: 0 }]);
    expect(at("rule")).toHaveLength(0);
    await drain();
    expect(at("rule")).toHaveLength(1);
    expect(JSON.parse(at("rule")[0]!.body)).toMatchObject({ event: "INSTANCE_STOPPED", title: "instance stopped" });
    expect(await db().delivery.findUniqueOrThrow({ where: { id: stored[0]!.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  });

  it("retry with backoff after the receiver fails, and survive a worker that died mid-send", async () => {
    const w = await makeWorld(people);
    const hook = await webhook(w, "flaky");
    await createAlertRuleAction(w.workspace.slug, { kind: "INSTANCE_RESTARTED", channelIds: [hook.id] });
    actAs(people.owner.id);
    const { restartInstanceAction } = await import("@/lib/resources/actions");
    await restartInstanceAction(w.workspace.slug, { instanceId: w.instance.id, mode: "soft" });
    receiver.state.failNext = 1;
    await drain();
    const failed = await db().delivery.findFirstOrThrow({ where: { channelId: hook.id }, include: { log: true } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 3000);
    expect(failed.log).toMatchObject([{ ok: false, httpStatus: 500, error: "The receiver answered 500" }]);

    // Pretend a worker claimed it and died: the lease runs out and another worker picks it up.
    await db().delivery.update({ where: { id: failed.id }, data: { status: "SENDING", lockedUntil: new Date(Date.now() - 1000) } });
    await drain();
    expect(await db().delivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(at("flaky")).toHaveLength(2);
  });

  it("are never sent twice when two workers run at once", async () => {
    const w = await makeWorld(people);
    const hook = await webhook(w, "twice");
    const payload = { event: "TEST", title: "t", text: "t", workspace: { id: w.workspace.id, name: "w", slug: w.workspace.slug }, data: {} };
    await db().delivery.createMany({ data: Array.from({ length: 30 }, () => ({ workspaceId: w.workspace.id, channelId: hook.id, event: "TEST", payload })) });
    await Promise.all([drain(), drain(), drain()]);
    const ids = at("twice").map((r) => r.headers["x-workspaces-delivery"]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(await db().delivery.count({ where: { channelId: hook.id, status: "SUCCEEDED" } })).toBe(30);
  });
});
