import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { DEMO, expectAccessible, signedIn } from "./support";

test("Billing: the owner fills in billing details, tops up, upgrades, and downloads the invoice as a PDF with the amount in it", async ({ browser }) => {
  const owner = await signedIn(browser, DEMO.email);
  // A workspace of its own, so the demo's Acme keeps the Free plan the other tests count on.
  const slug = `invoice-${Date.now().toString(36)}`;
  await owner.goto("/workspace/new");
  await owner.getByLabel("Name").fill("Invoice Lab");
  await owner.getByLabel("Slug").fill(slug);
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner).toHaveURL(`/${slug}`);

  await owner.goto(`/${slug}/settings/billing`);
  await expect(owner.getByText("The Free plan has no charges.")).toBeVisible();
  await expect(owner.getByText("No invoices yet")).toBeVisible();
  await expectAccessible(owner);

  // Billing details: the dialog's form checks with the action's own schema, then saves.
  await owner.getByRole("button", { name: "Edit billing details" }).click();
  const details = owner.getByRole("dialog", { name: "Billing details" });
  await details.getByLabel("Legal name").fill("Invoice Lab GmbH");
  await details.getByLabel("Billing address").fill("Hauptstraße 1\n10115 Berlin");
  await details.getByLabel("VAT id (optional)").fill("12");
  await details.getByRole("button", { name: "Save billing details" }).click();
  await expect(details.getByText("Enter a VAT id like DE123456789, or leave it empty")).toBeVisible();
  await expectAccessible(owner, { only: '[role="dialog"]' });
  await details.getByLabel("VAT id (optional)").fill("DE 123 456 789");
  await details.getByRole("button", { name: "Save billing details" }).click();
  await expect(owner.getByText("Billing details saved")).toBeVisible();
  await expect(details).toHaveCount(0);
  await expect(owner.getByTestId("billing-details")).toContainText("Invoice Lab GmbH");

  await owner.getByRole("button", { name: "Top up…" }).click();
  const topUp = owner.getByRole("dialog", { name: "Top up the balance" });
  await topUp.getByLabel("Amount (USD)").fill("25");
  await topUp.getByRole("button", { name: "Top up", exact: true }).click();
  await expect(owner.getByText("Balance topped up")).toBeVisible();
  await expect(owner.getByTestId("balance")).toHaveText("$25.00");

  // The dialog says what the upgrade costs before anything is charged.
  await owner.getByRole("button", { name: "Switch to Starter" }).click();
  const dialog = owner.getByRole("dialog", { name: "Upgrade to Starter?" });
  await expect(dialog).toContainText("$19.00 is charged from the balance now");
  await expectAccessible(owner, { only: '[role="dialog"]' });
  await dialog.getByRole("button", { name: "Upgrade and pay $19.00" }).click();
  await expect(owner.getByText("Now on Starter")).toBeVisible();
  await expect(owner.getByTestId("balance")).toHaveText("$6.00");
  await expect(owner.getByTestId("subscription-period")).toContainText("Renews on");

  const row = owner.getByRole("table", { name: "Invoices" }).getByRole("row").filter({ hasText: "INV-0001" });
  await expect(row).toContainText("$19.00");
  await expect(row).toContainText("Starter plan");
  await expectAccessible(owner);

  const [file] = await Promise.all([owner.waitForEvent("download"), row.getByRole("link", { name: "Download INV-0001 as PDF" }).click()]);
  expect(file.suggestedFilename()).toBe(`${slug}-inv-0001.pdf`);
  const pdf = await readFile((await file.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // Read as a PDF reader would (pdf.js inside unpdf): a broken file fails here, not only a missing string.
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain("Invoice INV-0001");
  expect(text).toContain("$19.00");
  expect(text).toContain("Invoice Lab GmbH");
  expect(text).toContain("VAT id: DE123456789");
});
