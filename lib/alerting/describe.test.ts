import { describe, expect, it } from "vitest";
import { describeAlert } from "./describe";
import { alertEmail } from "./send";

const workspace = { id: "w", name: "Acme", slug: "acme" };

describe("alert words", () => {
  it("read in English as they always did, for webhooks, Slack and English mail", () => {
    expect(describeAlert({ kind: "BALANCE_BELOW", balanceMinor: 1_234_50, currency: "USD" })).toEqual({
      title: "Balance is low",
      text: "The prepaid balance is $1,234.50.",
    });
    expect(describeAlert({ kind: "QUOTA_ABOVE", resource: "API keys", resourceKey: "API_KEYS", usage: 8, limit: 10 })).toEqual({
      title: "api keys quota 80% used",
      text: "8 of 10 api keys are in use.",
    });
  });

  it("are mailed in the recipient's language, from the event the delivery stored", () => {
    const event = { kind: "BALANCE_BELOW" as const, balanceMinor: 1_234_50, currency: "EUR" };
    const payload = { event: "BALANCE_BELOW", ...describeAlert(event), workspace, data: { ...event } };
    expect(alertEmail(payload, "de")).toMatchObject({
      subject: "[Acme] Guthaben ist niedrig",
      text: "Das Guthaben beträgt 1.234,50\u00a0€.\n\nWorkspace: Acme\nEreignis: BALANCE_BELOW",
    });
    expect(alertEmail(payload, "en").subject).toBe("[Acme] Balance is low");
    expect(alertEmail(payload, "en").text).toContain("The prepaid balance is €1,234.50.");
  });

  it("fall back to the stored words when the delivery carries no event", () => {
    const payload = { event: "TEST", title: "t", text: "x", workspace, data: {} };
    expect(alertEmail(payload, "de")).toMatchObject({ subject: "[Acme] t", text: "x\n\nWorkspace: Acme\nEreignis: TEST" });
  });
});
