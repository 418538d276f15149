import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signedIn } from "./support";

// The new-instance dialog asks for its projects and servers as it opens (GET /[slug]/instances/parents).
test("the new-instance dialog says why when its projects and servers cannot be loaded, and asks again on the next opening", async ({ browser }) => {
  const page = await signedIn(browser, DEMO.email); // Owner of Acme
  const parents = "**/acme/instances/parents";
  await page.route(parents, (route) => route.abort("internetdisconnected"));
  await page.goto("/acme/instances");
  const open = page.getByRole("button", { name: "New instance" });
  const dialog = page.getByRole("dialog", { name: "New instance" });

  await open.click();
  await expect(dialog.getByRole("alert")).toHaveText("Could not load the projects and servers. Check your connection and try again.");
  await expectAccessible(page, { only: '[role="dialog"]' });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The server answers with a refusal of its own: the dialog shows that message.
  await page.unroute(parents);
  await page.route(parents, (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: "The service is busy. Try again in a minute." }) }));
  await open.click();
  await expect(dialog.getByRole("alert")).toHaveText("The service is busy. Try again in a minute.");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Back online: the next opening loads them, and the form is there.
  await page.unroute(parents);
  await open.click();
  await expect(dialog.getByRole("combobox", { name: "Project" })).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Server" })).toBeVisible();
  await expect(dialog.getByRole("alert")).toHaveCount(0);
});
