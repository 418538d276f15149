import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signedIn } from "./support";

test("API keys: an owner creates a key by keyboard, the API accepts it, and refuses it once revoked", async ({ browser, request }) => {
  const owner = await signedIn(browser, DEMO.email); // owner of Acme
  await owner.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await owner.goto("/acme/settings/general");
  await owner.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).click();
  await expect(owner).toHaveURL("/acme/settings/api-keys");
  await expect(owner.getByRole("heading", { name: "API keys" })).toBeVisible();
  await expect(owner.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/api/v1/reference");
  await expectAccessible(owner);

  // By keyboard: open the dialog, type the name, move the access choice with an arrow, submit.
  await owner.getByRole("button", { name: "Create API key" }).focus();
  await owner.keyboard.press("Enter");
  const dialog = owner.getByRole("dialog", { name: "Create API key" });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await expectAccessible(owner, { only: '[role="dialog"]' });
  await owner.keyboard.type("CI deploy");
  await owner.keyboard.press("Tab");
  await expect(dialog.getByRole("radio", { name: "Read-only" })).toBeFocused();
  await owner.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: "Read and write (your permissions)" })).toBeChecked();
  await expect(dialog.getByRole("combobox", { name: "Expires after" })).toContainText("90 days");
  await dialog.getByRole("button", { name: "Create key" }).press("Enter");

  // The secret, once, in a field that has focus; Copy puts it on the clipboard.
  const reveal = owner.getByRole("dialog", { name: "Copy your key now" });
  const secretField = reveal.getByLabel("Your new API key");
  await expect(secretField).toBeFocused();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^wsk_[A-Za-z0-9_-]{40}$/);
  await expect(reveal.getByText("This is the only time the key is shown")).toBeVisible();
  await expectAccessible(owner, { only: '[role="dialog"]' });
  await reveal.getByRole("button", { name: "Copy the API key" }).press("Enter");
  await expect(owner.getByText("API key copied")).toBeVisible();
  expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await reveal.getByRole("button", { name: "Done" }).press("Enter");
  await expect(reveal).toBeHidden();

  // Listed by its prefix only; not used yet.
  const prefix = secret.slice(0, 12);
  const row = owner.getByRole("row").filter({ hasText: prefix });
  await expect(row).toContainText("CI deploy");
  await expect(row).toContainText(`${prefix}…`);
  await expect(row).toContainText("Read and write");
  await expect(row).toContainText("Dana Demo");
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText(secret);
  // Name, Key, Access, Created by, Created, Last used, …
  const lastUsed = row.getByRole("cell").nth(5);
  await expect(lastUsed).toHaveText("Never");
  await expectAccessible(owner);

  // The key alone, without the browser's session, reads its workspace.
  const answer = await request.get("/api/v1/workspace", { headers: { Authorization: `Bearer ${secret}` } });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ slug: "acme", apiKey: { name: "CI deploy", prefix, access: "WRITE" } });

  await owner.reload();
  await expect(lastUsed).not.toHaveText("Never");
  await expect(lastUsed).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} UTC$/);

  await row.getByRole("button", { name: /^Revoke API key CI deploy/ }).click();
  const confirm = owner.getByRole("dialog", { name: "Revoke CI deploy?" });
  await expect(confirm).toBeVisible();
  await expectAccessible(owner, { only: '[role="dialog"]' });
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(owner.getByText("CI deploy was revoked")).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

  const refused = await request.get("/api/v1/workspace", { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
});

test("API keys: a developer is offered read-only keys only", async ({ browser }) => {
  const developer = await signedIn(browser, "carol@example.com"); // developer in Acme
  await developer.goto("/acme/settings/api-keys");
  await developer.getByRole("button", { name: "Create API key" }).click();
  const dialog = developer.getByRole("dialog", { name: "Create API key" });
  await expect(dialog.getByRole("radio")).toHaveCount(1);
  await expect(dialog.getByRole("radio", { name: "Read-only" })).toBeChecked();
  await expect(dialog.getByText("Keys that write are created by admins and owners.")).toBeVisible();
  await expectAccessible(developer, { only: '[role="dialog"]' });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("API keys: a viewer has no API access, so no tab and no page", async ({ browser }) => {
  const viewer = await signedIn(browser, "erin@example.com"); // viewer in Acme
  await viewer.goto("/acme/settings/general");
  const tabs = viewer.getByRole("navigation", { name: "Settings" });
  await expect(tabs.getByRole("link", { name: "General" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "API keys" })).toHaveCount(0);
  expect((await viewer.goto("/acme/settings/api-keys"))?.status()).toBe(404);
});

test("API reference: the interactive reference is generated from the OpenAPI document and loads nothing from elsewhere", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://127.0.0.1") && !r.url().startsWith("http://localhost") && !r.url().startsWith("data:")) outside.push(r.url());
  });
  const document = await page.request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect(await document.json()).toMatchObject({ openapi: "3.1.0", paths: { "/members": { get: { operationId: "api.members.list" } } } });
  await page.goto("/api/v1/reference");
  await expect(page).toHaveTitle(/API reference/);
  await expect(page.getByRole("heading", { name: "Workspaces API" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /The key's workspace/ }).first()).toBeVisible();
  await expectAccessible(page);
  expect(outside).toEqual([]);
});
