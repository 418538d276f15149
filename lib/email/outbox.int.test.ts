import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { emailTransport } from "@/lib/email";
import { useMailCapture } from "@/tests/support/mail-capture-hooks";
import { sendQueuedMail } from "@/tests/support/outbox";
import { uniqueEmail } from "@/tests/support/factories";
import { claimDueEmails, enqueueEmail, runOutboxOnce } from "./outbox";

const capture = useMailCapture();

const queue = (to: string, subject = "Hello") =>
  db().$transaction((tx) => enqueueEmail(tx, { kind: "verify_email", to, subject, text: "text", html: "<p>html</p>" }));

describe("the outbox", () => {
  it("writes nothing when the transaction that queued the mail rolls back", async () => {
    const to = uniqueEmail("rolled-back");
    await expect(
      db().$transaction(async (tx) => {
        await enqueueEmail(tx, { kind: "verify_email", to, subject: "x", text: "x", html: "x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await sendQueuedMail();
    expect(await db().outboundEmail.count({ where: { to } })).toBe(0);
    expect(capture.emails.filter((e) => e.to.includes(to))).toEqual([]);
  });

  it("a worker killed after sending but before recording causes one duplicate at most, carrying the same id", async () => {
    const to = uniqueEmail("crash");
    const { id } = await queue(to);
    // A worker claims the mail and sends it, then dies before it records the send.
    const [claimed] = (await claimDueEmails(50)).filter((e) => e.id === id);
    expect(claimed).toBeDefined();
    await emailTransport().send({ to, subject: "Hello", text: "text", html: "<p>html</p>" }, { idempotencyKey: id });
    // Its lease runs out; another worker takes the mail and sends it again.
    await db().outboundEmail.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await sendQueuedMail();
    const received = capture.emails.filter((e) => e.to.includes(to));
    expect(received).toHaveLength(2);
    for (const mail of received) expect(mail).toMatchObject({ idempotencyKey: id, entityRef: id });
    expect(await db().outboundEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
    await sendQueuedMail();
    expect(capture.emails.filter((e) => e.to.includes(to))).toHaveLength(2);
  });

  it("two workers at once (two app instances) send each mail exactly once", async () => {
    const recipients = Array.from({ length: 24 }, (_, i) => uniqueEmail(`pair-${i}`));
    for (const to of recipients) await queue(to);
    await Promise.all([runOutboxOnce(5), runOutboxOnce(5), runOutboxOnce(5), runOutboxOnce(5)]);
    await Promise.all([sendQueuedMail(), sendQueuedMail()]);
    for (const to of recipients) expect(capture.emails.filter((e) => e.to.includes(to)), to).toHaveLength(1);
  });
});
