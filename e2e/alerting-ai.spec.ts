import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signedIn } from "./support";

const RECEIVER = `http://127.0.0.1:${process.env.RECEIVER_PORT ?? 3102}`;
const MAIL = `http://127.0.0.1:${process.env.MAIL_CAPTURE_PORT ?? 3101}`;
// The test server allows exactly the receiver's host and port (OUTBOUND_ALLOWED_HOSTS); anything else
// private is refused with this sentence's ending.
const REFUSAL_HINT = "only public addresses are allowed. An operator can allow it with OUTBOUND_ALLOWED_HOSTS.";

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
}

test("Alerting: each kind of channel receives a test, and a rule's alert shows in the delivery log", async ({ browser, request }) => {
  const page = await signedIn(browser, DEMO.email);
  const run = Date.now().toString(36);
  const [hookName, slackName, mailName] = [`Ops hook ${run}`, `Team Slack ${run}`, `On-call mail ${run}`];
  await page.goto("/acme/settings/alerting");
  await expectAccessible(page);
  const addForm = page.locator("form", { has: page.getByRole("button", { name: "Add channel" }) });

  // Webhook: an address the deployment may not call is refused on the field, saying why. Loopback in its
  // IPv4-mapped spelling: were the guard ever broken, the test would still aim at this machine only.
  await addForm.getByLabel("Channel name").fill(hookName);
  await addForm.getByLabel("Webhook URL").fill("https://[::ffff:127.0.0.1]/latest/meta-data");
  await addForm.getByRole("button", { name: "Add channel" }).click();
  await expect(addForm.getByText(`::ffff:7f00:1 (127.0.0.1) is a loopback address; ${REFUSAL_HINT}`)).toBeVisible();
  // Plain http to a private address works only because the test server allows the receiver's host and port.
  await addForm.getByLabel("Webhook URL").fill(`${RECEIVER}/ops-hook-${run}`);
  await addForm.getByRole("button", { name: "Add channel" }).click();
  const secret = (await page.getByTestId("signing-secret").textContent())!;
  expect(secret).toMatch(/^whsec_/);

  await addForm.getByRole("combobox", { name: "Kind" }).click();
  await page.getByRole("option", { name: "Slack" }).click();
  await addForm.getByLabel("Channel name").fill(slackName);
  await addForm.getByLabel("Slack incoming-webhook URL").fill(`${RECEIVER}/slack-${run}`);
  await addForm.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByRole("region", { name: `Channel ${slackName}` })).toBeVisible();

  await addForm.getByRole("combobox", { name: "Kind" }).click();
  await page.getByRole("option", { name: "Email" }).click();
  await addForm.getByLabel("Channel name").fill(mailName);
  await addForm.getByLabel("Email addresses").fill("oncall@example.com, not-an-email");
  await addForm.getByRole("button", { name: "Add channel" }).click();
  await expect(addForm.getByText("not-an-email is not a valid address")).toBeVisible();
  await addForm.getByLabel("Email addresses").fill("oncall@example.com");
  await addForm.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByRole("region", { name: `Channel ${mailName}` })).toBeVisible();

  for (const name of [hookName, slackName, mailName]) {
    const region = page.getByRole("region", { name: `Channel ${name}` });
    await region.getByRole("button", { name: `Send test to ${name}` }).click();
    await expect(region.getByRole("status")).toContainText("Delivered");
  }
  await expectAccessible(page);

  // A host name that resolves to loopback is saved (names are judged when called), and the test says why it was not sent.
  const sneakyName = `Sneaky ${run}`;
  await addForm.getByRole("combobox", { name: "Kind" }).click();
  await page.getByRole("option", { name: "Slack" }).click();
  await addForm.getByLabel("Channel name").fill(sneakyName);
  await addForm.getByLabel("Slack incoming-webhook URL").fill(`https://localhost:${new URL(RECEIVER).port}/sneaky-${run}`);
  await addForm.getByRole("button", { name: "Add channel" }).click();
  const sneaky = page.getByRole("region", { name: `Channel ${sneakyName}` });
  await sneaky.getByRole("button", { name: `Send test to ${sneakyName}` }).click();
  await expect(sneaky.getByRole("status")).toContainText("Failed");
  await expect(sneaky.getByRole("status")).toContainText("Refused: localhost resolves to");
  await expect(sneaky.getByRole("status")).toContainText(`a loopback address; ${REFUSAL_HINT}`);

  const received = (await (await request.get(`${RECEIVER}/__received`)).json()) as Received[];
  expect(received.some((r) => r.path === `/sneaky-${run}`)).toBe(false);
  const hook = received.find((r) => r.path === `/ops-hook-${run}`)!;
  const expected = createHmac("sha256", secret).update(`${hook.headers["x-workspaces-timestamp"]}.${hook.body}`).digest("hex");
  expect(hook.headers["x-workspaces-signature"]).toBe(`v1=${expected}`);
  expect(JSON.parse(received.find((r) => r.path === `/slack-${run}`)!.body).text).toContain("Test alert");
  const mail = (await (await request.get(`${MAIL}/emails?to=oncall@example.com`)).json()) as { subject: string }[];
  expect(mail.map((m) => m.subject)).toContain("[Acme Consulting] Test alert");

  // A rule: an instance restarted → the webhook.
  const ruleForm = page.locator("form", { has: page.getByRole("button", { name: "Add rule" }) });
  await ruleForm.getByRole("combobox", { name: "When" }).click();
  await page.getByRole("option", { name: "An instance restarted" }).click();
  await ruleForm.getByRole("checkbox", { name: hookName }).check();
  await ruleForm.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("table", { name: "Alert rules" })).toContainText("An instance restarted");

  await page.goto("/acme/instances");
  await page.getByRole("button", { name: "Restart api-prod" }).click();
  await expect(page.getByText("api-prod restarted")).toBeVisible();

  await page.goto("/acme/settings/alerting");
  const log = page.getByRole("table", { name: `Deliveries to ${hookName}` });
  await expect(async () => {
    await page.reload();
    await expect(log.getByRole("row").filter({ hasText: "INSTANCE_RESTARTED" })).toContainText("succeeded", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test("AI: each provider against a fake server, the masked key after reload, and test connection success and failure", async ({ browser }) => {
  const page = await signedIn(browser, "alice@example.com"); // admin of Acme
  await page.goto("/acme/settings/ai");
  await expectAccessible(page);
  const choose = async (label: string) => {
    await page.getByRole("combobox", { name: "Provider" }).click();
    await page.getByRole("option", { name: label, exact: true }).click();
  };
  const save = async () => {
    await page.getByRole("button", { name: "Save AI settings" }).click();
    await expect(page.getByText("AI settings saved").last()).toBeVisible();
  };
  const testConnection = () => page.getByRole("button", { name: "Test connection" }).click();

  await choose("Anthropic");
  await page.getByLabel("Model").fill("claude-sonnet-4-5");
  await page.getByLabel("API key").fill("sk-ant-e2e-key-7890");
  await page.getByLabel("Base URL (optional)").fill(`${RECEIVER}/ai-ok`);
  await save();
  await page.reload();
  await expect(page.getByTestId("stored-key")).toHaveText("Stored key: …7890");
  expect(await page.content()).not.toContain("sk-ant-e2e-key");
  await testConnection();
  await expect(page.getByRole("status").filter({ hasText: "Connected: 2 model(s) available" })).toBeVisible();

  await choose("OpenAI");
  await page.getByLabel("Model").fill("gpt-4.1");
  await page.getByLabel("API key").fill("sk-wrong");
  await page.getByLabel("Base URL (optional)").fill(`${RECEIVER}/ai-bad`);
  await save();
  await testConnection();
  await expect(page.getByRole("status").filter({ hasText: "OpenAI answered 401: Incorrect API key provided" })).toBeVisible();

  await choose("Groq");
  await page.getByLabel("Model").fill("llama-3.3-70b-versatile");
  await page.getByLabel("API key").fill("gsk-e2e-1111");
  await page.getByLabel("Base URL (optional)").fill(`${RECEIVER}/ai-groq`);
  await save();
  await testConnection();
  await expect(page.getByRole("status").filter({ hasText: "Connected: 1 model(s) available" })).toBeVisible();

  await choose("Ollama");
  const baseUrl = page.getByLabel("Base URL", { exact: true });
  await expect(baseUrl).toBeVisible();
  await page.getByLabel("Model").fill("llama3.1");
  await baseUrl.clear();
  await expect(baseUrl).toHaveValue("");
  await page.getByRole("button", { name: "Save AI settings" }).click();
  await expect(page.getByText("Ollama needs a base URL")).toBeVisible();
  await page.getByLabel("Base URL", { exact: true }).fill(`${RECEIVER}/ai-ollama`);
  await save();
  // Groq's key is not carried to another provider's address.
  await expect(page.getByTestId("stored-key")).toHaveText("No key stored");
  await testConnection();
  await expect(page.getByRole("status").filter({ hasText: "Connected: 3 model(s) available" })).toBeVisible();

  await choose("Custom (OpenAI-compatible)");
  await page.getByLabel("Model").fill("house-model");
  await page.getByLabel("API key").fill("house-key-2222");
  await page.getByLabel("Base URL", { exact: true }).fill(`${RECEIVER}/ai-custom`);
  await save();
  await expect(page.getByTestId("stored-key")).toHaveText("Stored key: …2222");
  await testConnection();
  await expect(page.getByRole("status").filter({ hasText: "Connected: 1 model(s) available" })).toBeVisible();

  await page.getByRole("button", { name: "Remove key" }).click();
  await page.getByRole("dialog", { name: "Remove the stored key?" }).getByRole("button", { name: "Remove key" }).click();
  await expect(page.getByTestId("stored-key")).toHaveText("No key stored");

  // An address the deployment may not call: a literal is refused on the field when saving; a name
  // that resolves inside is refused when tested, and the result says why.
  await page.getByLabel("Base URL", { exact: true }).fill("https://127.0.0.1:8443/v1");
  await page.getByRole("button", { name: "Save AI settings" }).click();
  await expect(page.getByText(`127.0.0.1 is a loopback address; ${REFUSAL_HINT}`)).toBeVisible();
  await page.getByLabel("Base URL", { exact: true }).fill("https://localhost:8443/v1");
  // Earlier saves' toasts gone first, so the one awaited is this save's and the test runs on what it stored.
  await expect(page.getByText("AI settings saved")).toHaveCount(0, { timeout: 10_000 });
  await save();
  await testConnection();
  await expect(page.getByRole("status").filter({ hasText: "Refused: localhost resolves to" })).toContainText(`a loopback address; ${REFUSAL_HINT}`);
  await expectAccessible(page);
});
