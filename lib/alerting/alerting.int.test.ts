import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stopInstanceAction } from "@/lib/resources/actions";
import { createAlertRuleAction, saveChannelAction, sendTestAlertAction, toggleChannelAction } from "@/lib/alerting/actions";
import { db } from "@/lib/db";
import { actAs } from "@/tests/support/session";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { startReceiver } from "@/tests/support/receiver";
import { makeUser } from "@/tests/support/factories";
import { makePeople, makeWorld, type People, type World } from "@/tests/support/world";
import { DROPPED_DISABLED, runDeliveryWorkerOnce } from "./queue";
import { escapeSlack, slackMessage } from "./send";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from "./signing";
import { messageText } from "@/lib/i18n/translator";
/** What a person reads: every message in the result that is a catalog key, in English words. */
const inWords = <T,>(value: T): T => JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === "string" ? messageText(v) : v)) as T;

let people: People;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  [people, receiver] = await Promise.all([makePeople(), startReceiver()]);
});
afterAll(() => receiver.server.close());
// The receiver listens on loopback: the deployment allows exactly it, as an operator would an internal host.
const receiverPort = () => new URL(receiver.url).port;
beforeEach(() => {
  process.env.OUTBOUND_ALLOWED_HOSTS = `127.0.0.1:${receiverPort()}`;
  receiver.state.failNext = 0;
});
afterEach(() => {
  delete process.env.OUTBOUND_ALLOWED_HOSTS;
});

const HINT = "only public addresses are allowed. An operator can allow it with OUTBOUND_ALLOWED_HOSTS.";

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

  it("refuse, as a field error when saving, a URL the deployment may not call, writing nothing", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const [before, sent] = [await databaseSnapshot(), receiver.received.length];
    const save = (url: string, kind: "WEBHOOK" | "SLACK" = "WEBHOOK") => saveChannelAction(w.workspace.slug, { kind, name: "internal", url });
    // Listed host, another port: plain http is for the listed host and port only.
    expect(await save("http://127.0.0.1:9/x")).toMatchObject({
      ok: false,
      fieldErrors: { url: "Use an https:// URL; plain http is only for hosts an operator lists in OUTBOUND_ALLOWED_HOSTS." },
    });
    expect(await save("https://169.254.169.254/latest/meta-data", "SLACK")).toMatchObject({ fieldErrors: { url: `169.254.169.254 is a link-local address; ${HINT}` } });
    expect(await save("https://[::ffff:169.254.169.254]/latest/meta-data")).toMatchObject({
      fieldErrors: { url: `::ffff:a9fe:a9fe (169.254.169.254) is a link-local address; ${HINT}` },
    });
    expect(await save("https://[::127.0.0.1]/hook")).toMatchObject({ fieldErrors: { url: `::7f00:1 is an IPv4-compatible IPv6 address; ${HINT}` } });
    expect(await save("https://2130706433/hook")).toMatchObject({ fieldErrors: { url: `127.0.0.1 is a loopback address; ${HINT}` } });
    // With no host allowed, the form's own syntax check refuses plain http before the server looks at the host.
    delete process.env.OUTBOUND_ALLOWED_HOSTS;
    expect(inWords(await save(`${receiver.url}/x`))).toMatchObject({ ok: false, fieldErrors: { url: "Use an https:// URL" } });
    expect(await databaseSnapshot()).toEqual(before);
    expect(receiver.received.length).toBe(sent);
  });

  it("say why a test was refused when the host resolves to a private address, and send nothing", async () => {
    const w = await makeWorld(people);
    actAs(people.admin.id);
    const saved = await saveChannelAction(w.workspace.slug, { kind: "SLACK", name: "sneaky", url: `https://localhost:${receiverPort()}/slack` });
    if (!saved.ok) throw new Error(saved.error);
    const before = receiver.received.length;
    const outcome = await sendTestAlertAction(w.workspace.slug, { channelId: saved.data.id });
    expect(outcome).toMatchObject({ ok: true, data: { ok: false, httpStatus: null } });
    expect(outcome.ok && outcome.data.error).toMatch(/^Refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address; only public addresses are allowed\. An operator can allow it with OUTBOUND_ALLOWED_HOSTS\.$/);
    expect(receiver.received.length).toBe(before);
    const log = await db().deliveryAttempt.findMany({ where: { delivery: { channelId: saved.data.id } } });
    expect(log).toMatchObject([{ ok: false, error: expect.stringMatching(/^Refused: localhost resolves to/) }]);
  });

  it("do not follow a receiver's redirect to a private address", async () => {
    const w = await makeWorld(people);
    let trapped = 0;
    const trap: Server = createServer((_req, res) => {
      trapped++;
      res.end();
    });
    const redirector: Server = createServer((_req, res) => res.writeHead(308, { location: `http://127.0.0.1:${(trap.address() as { port: number }).port}/` }).end());
    await Promise.all([trap, redirector].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
    try {
      const port = (redirector.address() as { port: number }).port;
      process.env.OUTBOUND_ALLOWED_HOSTS = `127.0.0.1:${port}`;
      actAs(people.admin.id);
      const saved = await saveChannelAction(w.workspace.slug, { kind: "WEBHOOK", name: "moved", url: `http://127.0.0.1:${port}/hook` });
      if (!saved.ok) throw new Error(saved.error);
      expect(await sendTestAlertAction(w.workspace.slug, { channelId: saved.data.id })).toMatchObject({
        ok: true,
        data: { ok: false, httpStatus: 308, error: "The receiver answered 308 (redirects are not followed)" },
      });
      expect(trapped).toBe(0);
    } finally {
      for (const s of [trap, redirector]) {
        s.closeAllConnections();
        s.close();
      }
    }
  });

  it("are limited per workspace: past the limit the caller reads when to try again, and nothing is sent or stored", async () => {
    const [w, other] = [await makeWorld(people), await makeWorld(people)];
    const hook = await webhook(w, "limited");
    const otherHook = await webhook(other, "limited-other");
    await db().rateLimitBucket.create({ data: { key: `alertTestsPerWorkspace:${w.workspace.id}`, windowStart: new Date(), count: 20 } });
    const before = await databaseSnapshot();
    expect(await sendTestAlertAction(w.workspace.slug, { channelId: hook.id })).toEqual({ ok: false, code: "LIMIT", error: "Too many attempts. Try again in 60 minutes." });
    expect(await databaseSnapshot()).toEqual(before);
    expect(at("limited")).toHaveLength(0);
    expect(await sendTestAlertAction(other.workspace.slug, { channelId: otherHook.id })).toMatchObject({ ok: true, data: { ok: true } });
  });

  it("escape what members typed in Slack messages, so a name cannot mention @channel or hide a link", async () => {
    const w = await makeWorld(people);
    const prankster = await makeUser("<!channel> <https://evil.example|click here> & co");
    await db().membership.create({ data: { workspaceId: w.workspace.id, userId: prankster.id, role: "ADMIN" } });
    actAs(prankster.id);
    const saved = await saveChannelAction(w.workspace.slug, { kind: "SLACK", name: "team <#general>", url: `${receiver.url}/slack-escape` });
    if (!saved.ok) throw new Error(saved.error);
    expect(await sendTestAlertAction(w.workspace.slug, { channelId: saved.data.id })).toMatchObject({ ok: true, data: { ok: true } });
    const { text } = JSON.parse(at("slack-escape")[0]!.body) as { text: string };
    expect(text).toBe("*Test alert*\n&lt;!channel&gt; &lt;https://evil.example|click here&gt; &amp; co sent a test alert to team &lt;#general&gt;.");
    expect(text).not.toMatch(/[<>]/);
  });
});

describe("Slack text", () => {
  it("escapes &, < and > as Slack asks, and leaves the rest", () => {
    expect(escapeSlack("a & b <@U123> <!here> *bold* _it_")).toBe("a &amp; b &lt;@U123&gt; &lt;!here&gt; *bold* _it_");
    expect(escapeSlack("&amp;")).toBe("&amp;amp;");
    const payload = { event: "INSTANCE_STOPPED", title: "<!channel> stopped", text: "x", workspace: { id: "w", name: "w", slug: "w" }, data: {} };
    expect(slackMessage(payload)).toEqual({ text: "*&lt;!channel&gt; stopped*\nx" });
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

describe("a disabled channel", () => {
  it("drops what was queued for it when disabled, with the reason in the delivery log, and never sends it", async () => {
    const w = await makeWorld(people);
    const hook = await webhook(w, "disabled");
    const payload = { event: "TEST", title: "t", text: "t", workspace: { id: w.workspace.id, name: "w", slug: w.workspace.slug }, data: {} };
    await db().delivery.createMany({ data: Array.from({ length: 3 }, () => ({ workspaceId: w.workspace.id, channelId: hook.id, event: "TEST", payload })) });
    // One is being retried later; one was already delivered and stays as it was.
    const [retrying] = await db().delivery.findMany({ where: { channelId: hook.id } });
    await db().delivery.update({ where: { id: retrying!.id }, data: { attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) } });
    const done = await db().delivery.create({ data: { workspaceId: w.workspace.id, channelId: hook.id, event: "TEST", payload, status: "SUCCEEDED", attempts: 1 } });

    expect(await toggleChannelAction(w.workspace.slug, { channelId: hook.id, enabled: false })).toMatchObject({ ok: true });
    const deliveries = await db().delivery.findMany({ where: { channelId: hook.id, id: { not: done.id } }, include: { log: true } });
    expect(deliveries).toHaveLength(3);
    for (const d of deliveries) expect(d).toMatchObject({ status: "FAILED", log: [{ ok: false, error: DROPPED_DISABLED }] });
    expect(await db().delivery.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ status: "SUCCEEDED" });
    const audit = await db().auditEvent.findFirst({ where: { workspaceId: w.workspace.id, action: "alerting.channel_disabled" } });
    expect(audit?.metadata).toMatchObject({ droppedDeliveries: 3 });

    // Turned back on, it sends new alerts, not the backlog.
    expect(await toggleChannelAction(w.workspace.slug, { channelId: hook.id, enabled: true })).toMatchObject({ ok: true });
    await drain();
    expect(at("disabled")).toHaveLength(0);
  });

  it("is not sent to by a worker that claimed a delivery before, or whose lease ran out after, the channel was disabled", async () => {
    const w = await makeWorld(people);
    const hook = await webhook(w, "raced");
    const payload = { event: "TEST", title: "t", text: "t", workspace: { id: w.workspace.id, name: "w", slug: w.workspace.slug }, data: {} };
    // Claimed by a worker that died (its lease ran out), and one queued; then the channel is turned off
    // behind the service's back, as a concurrent disable would look to the worker.
    const leased = await db().delivery.create({
      data: { workspaceId: w.workspace.id, channelId: hook.id, event: "TEST", payload, status: "SENDING", attempts: 1, lockedUntil: new Date(Date.now() - 1000) },
    });
    const queued = await db().delivery.create({ data: { workspaceId: w.workspace.id, channelId: hook.id, event: "TEST", payload } });
    await db().notificationChannel.update({ where: { id: hook.id }, data: { enabled: false } });
    await drain();
    expect(at("raced")).toHaveLength(0);
    for (const id of [leased.id, queued.id]) {
      expect(await db().delivery.findUniqueOrThrow({ where: { id }, include: { log: true } })).toMatchObject({
        status: "FAILED",
        log: [{ ok: false, error: DROPPED_DISABLED }],
      });
    }
  });
});
