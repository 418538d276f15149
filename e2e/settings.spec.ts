import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, mailsTo, signedIn, signUp, uniqueEmail } from "./support";

const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);


test("General: logo, colour, slug rename with a redirecting old URL, default, and deletion", async ({ page }) => {
  await signUp(page, "Gina General", uniqueEmail("general"));
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  const slug = `brand-${Date.now().toString(36)}`;
  await page.goto("/workspace/new");
  await page.getByLabel("Name").fill("Brand Lab");
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`/${slug}`);

  await page.goto(`/${slug}/settings/general`);
  await expectAccessible(page);
  // A renamed SVG is refused by its content.
  await page.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("That file is not a PNG, JPEG or WebP image")).toBeVisible();
  await page.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: TINY_PNG });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Logo updated")).toBeVisible();
  const sidebarLogo = page.getByRole("button", { name: /Switch workspace/ }).locator("img");
  await expect(sidebarLogo).toHaveAttribute("src", new RegExp(`^/${slug}/logo\\?v=\\d+$`));
  await expect.poll(() => sidebarLogo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

  await page.getByLabel("Hex colour").fill("#12345");
  await page.getByRole("button", { name: "Save colour" }).click();
  await expect(page.getByText("Use a hex colour like #4338ca")).toBeVisible();
  await page.getByText("#0f766e", { exact: true }).locator("..").click();
  await expect(page.getByLabel("Hex colour")).toHaveValue("#0f766e");
  await page.getByRole("button", { name: "Save colour" }).click();
  await expect(page.getByText("Colour saved")).toBeVisible();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-brand").trim())).toBe("#0f766e");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Make this my default workspace" }).click();
  await expect(page.getByText("This is your default workspace")).toBeVisible();

  const renamed = `${slug}-two`;
  await page.getByLabel("Slug").fill(renamed);
  await page.getByRole("button", { name: "Change slug" }).click();
  await expect(page).toHaveURL(`/${renamed}/settings/general`);
  const old = await page.request.get(`/${slug}/settings/members`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers()["location"]).toBe(`/${renamed}/settings/members`);
  await page.goto(`/${slug}/settings/members`);
  await expect(page).toHaveURL(`/${renamed}/settings/members`);

  await page.goto(`/${renamed}/settings/general`);
  await page.getByRole("button", { name: "Delete workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Brand Lab?" });
  await expectAccessible(page, { only: '[role="dialog"]' });
  await dialog.getByLabel(`Type ${renamed} to confirm`).fill(renamed);
  await dialog.getByRole("button", { name: "Delete workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  expect((await page.goto(`/${renamed}`))?.status()).toBe(404);
});

test("Billing: a top-up shows in the balance and the history, and exports", async ({ browser }) => {
  const owner = await signedIn(browser, DEMO.email);
  await owner.goto("/acme/settings/billing");
  await expectAccessible(owner);
  const before = await owner.getByTestId("balance").textContent();
  // The form opens in a dialog with the keyboard, and checks with the action's own schema.
  await owner.getByRole("button", { name: "Top up…" }).focus();
  await owner.keyboard.press("Enter");
  const topUp = owner.getByRole("dialog", { name: "Top up the balance" });
  await expect(topUp.getByLabel("Amount (USD)")).toBeFocused();
  await owner.keyboard.type("2");
  await owner.keyboard.press("Enter");
  await expect(topUp.getByText("Top up at least $5.00")).toBeVisible();
  await expectAccessible(owner, { only: '[role="dialog"]' });
  await topUp.getByLabel("Amount (USD)").fill("25.50");
  await topUp.getByRole("button", { name: "Top up", exact: true }).click();
  await expect(owner.getByText("Balance topped up")).toBeVisible();
  const cents = (text: string | null) => Math.round(Number(text!.replace(/[$,]/g, "")) * 100);
  await expect.poll(async () => cents(await owner.getByTestId("balance").textContent())).toBe(cents(before) + 2550);
  const row = owner.getByRole("row").filter({ hasText: "$25.50" });
  await expect(row).toContainText("Top-up");
  await expect(row).toContainText("Test");

  const [file] = await Promise.all([owner.waitForEvent("download"), owner.getByRole("link", { name: "Export CSV" }).click()]);
  expect(file.suggestedFilename()).toBe("acme-transactions.csv");
  const { readFile } = await import("node:fs/promises");
  expect(await readFile((await file.path())!, "utf8")).toContain("$25.50");

  const admin = await signedIn(browser, "alice@example.com"); // admin of Acme: read-only
  await admin.goto("/acme/settings/billing");
  await expect(admin.getByText("Only the owner changes the plan or tops up")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Top up" })).toHaveCount(0);
  await expect(admin.getByRole("button", { name: "Edit billing details" })).toHaveCount(0);
  const developer = await signedIn(browser, "carol@example.com");
  expect((await developer.goto("/acme/settings/billing"))?.status()).toBe(404);
});

test("Quotas: a refusal links to a request, an operator approves it, and the create goes through", async ({ browser, request }) => {
  const owner = await signedIn(browser, DEMO.email);
  await owner.goto("/acme/servers");
  await owner.getByRole("button", { name: "New server" }).click();
  const dialog = owner.getByRole("dialog", { name: "New server" });
  await dialog.getByLabel("Name").fill("eu-app-2");
  await dialog.getByLabel("Address").fill("10.0.1.11");
  await dialog.getByRole("button", { name: "Create server" }).click();
  await expect(dialog.getByText("Quota reached: this workspace may have 2 servers.")).toBeVisible();
  await dialog.getByRole("link", { name: "Request more" }).click();
  await expect(owner).toHaveURL("/acme/settings/quotas?resource=SERVERS");
  await expectAccessible(owner);
  await owner.getByLabel("New limit").fill("5");
  await owner.getByLabel("Reason").fill("A second region for EU customers");
  await owner.getByRole("button", { name: "Send request" }).click();
  await expect(owner.getByRole("row").filter({ hasText: "A second region" })).toContainText("pending");

  const ops = await signedIn(browser, "ops@example.com");
  await ops.goto("/admin/quota-requests");
  await expectAccessible(ops);
  await ops.getByRole("button", { name: "Approve Acme Consulting servers request" }).click();
  await expect(ops.getByText("Approved; the requester was emailed")).toBeVisible();
  // Mail leaves through the outbox, sent by the server's queue worker a moment after the decision commits.
  await expect
    .poll(async () => (await mailsTo(request, "demo@example.com")).map((m) => m.subject))
    .toContain("Your quota request was approved");

  await owner.reload();
  await expect(owner.getByRole("progressbar", { name: "Servers" })).toHaveAttribute("aria-valuemax", "5");
  await owner.goto("/acme/servers");
  await owner.getByRole("button", { name: "New server" }).click();
  await dialog.getByLabel("Name").fill("eu-app-2");
  await dialog.getByLabel("Address").fill("10.0.1.11");
  await dialog.getByRole("button", { name: "Create server" }).click();
  await expect(owner.getByRole("row").filter({ hasText: "eu-app-2" })).toBeVisible();

  // Anyone else asking for the operators' page gets a 404.
  expect((await owner.goto("/admin/quota-requests"))?.status()).toBe(404);
});

test("Audit log: shows what happened, filters by action, and exports", async ({ browser }) => {
  const owner = await signedIn(browser, DEMO.email);
  await owner.goto("/acme/settings/general");
  await owner.getByLabel("Description").fill("Consulting for everyone");
  await owner.getByRole("button", { name: "Save details" }).click();
  await expect(owner.getByText("Details saved")).toBeVisible();

  await owner.goto("/acme/settings/audit");
  await expectAccessible(owner);
  await expect(owner.getByRole("row").filter({ hasText: "workspace.updated" }).first()).toContainText("Dana Demo");
  await owner.getByRole("combobox", { name: "Action" }).click();
  await owner.getByRole("option", { name: "workspace.updated" }).click();
  await owner.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner).toHaveURL(/action=workspace\.updated/);
  const rows = owner.getByRole("table", { name: "Audit events" }).getByRole("row");
  await expect(rows.filter({ hasText: "workspace.created" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "workspace.updated" }).first()).toBeVisible();
  // Who: part of a name or email; an address of nobody here empties the list.
  await owner.getByLabel("Who").fill("nobody-here@");
  await owner.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner).toHaveURL(/who=nobody-here%40/);
  await expect(rows.filter({ hasText: "workspace.updated" })).toHaveCount(0);
  await owner.getByLabel("Who").fill("dana");
  await owner.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner).toHaveURL(/who=dana/);
  await expect(rows.filter({ hasText: "workspace.updated" }).first()).toContainText("Dana Demo");
  const [file] = await Promise.all([owner.waitForEvent("download"), owner.getByRole("link", { name: "Export CSV" }).click()]);
  const { readFile } = await import("node:fs/promises");
  const csv = await readFile((await file.path())!, "utf8");
  expect(csv).toContain("Consulting for everyone");
  expect(csv).not.toContain("workspace.created");
});
