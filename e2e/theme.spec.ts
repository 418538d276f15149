import { expect, test } from "@playwright/test";
import { expectAccessible, signedIn, signUp, uniqueEmail } from "./support";

test("the theme is stored on the account and in the page's first byte, with no flash after a reload", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, "Theo Theme", uniqueEmail("theme"));
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark|light/);

  // Dark from the profile menu: at once on this page…
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(html).toHaveClass("dark");
  await expect(page.getByText("Theme saved")).toBeVisible();
  // …and in the server's HTML from then on, so the first paint is dark (no script has to run first).
  const served = await (await page.request.get(page.url())).text();
  expect(served).toMatch(/<html[^>]* class="dark"/);
  await page.reload();
  await expect(html).toHaveClass("dark");
  await expectAccessible(page);

  // The account page says so and changes it too; light overrides a device that prefers dark.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Theme" });
  await expect(section.getByRole("radio", { name: /Dark/ })).toBeChecked();
  await section.getByRole("radio", { name: /Light/ }).check();
  await section.getByRole("button", { name: "Save theme" }).click();
  await expect(html).toHaveClass("light");
  expect(await (await page.request.get("/account")).text()).toMatch(/<html[^>]* class="light"/);
  await page.reload();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("light");
  await expectAccessible(page);
  await page.context().close();
});

test("the app icons answer for anyone, signed in or not", async ({ request }) => {
  const favicon = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/icon/);
  for (const path of ["/icon.svg", "/apple-icon.png"]) expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
});

test("the workspaces overview shows role, members and resources, and searches", async ({ browser }) => {
  const page = await signedIn(browser, "demo@example.com");
  await page.goto("/workspace/select");
  const list = page.getByRole("list", { name: "Workspaces" });
  const acme = list.getByRole("listitem").filter({ hasText: "Acme Consulting" });
  await expect(acme).toContainText("Owner");
  await expect(acme.getByTestId("workspace-counts")).toHaveText(/^\d+ members? · \d+ projects? · \d+ servers? · \d+ instances?$/);
  await expect(acme.getByRole("link", { name: "Acme Consulting" })).toHaveAttribute("href", "/acme");
  await expect(list.getByRole("listitem").filter({ hasText: "Gamma Co." })).toContainText("Developer");
  await expectAccessible(page);
  // The row menu, by keyboard: its first item leads to the workspace's settings.
  await acme.getByRole("button", { name: "Actions for Acme Consulting" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Settings" })).toBeFocused();
  await expectAccessible(page, { only: '[role="menu"]' });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/acme/settings/general");

  await page.goto("/workspace/select?q=bet");
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Beta Studios");
  const search = page.getByRole("searchbox", { name: "Search workspaces by name or slug" });
  await search.fill("no such workspace");
  await search.press("Enter");
  await expect(page.getByText("No workspace matches “no such workspace”")).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});
