import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, mailsTo, signIn, signOutFromMenu, signUp, uniqueEmail } from "./support";

test("a new person signs up, creates a workspace, switches keeping the section, and signs out", async ({ page }) => {
  const email = uniqueEmail("newbie");
  await signUp(page, "Nora Newbie", email);

  // Once the address is confirmed and they sign in, they land in their personal workspace.
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  const personalSlug = new URL(page.url()).pathname.slice(1);
  expect(personalSlug).toMatch(/^nora-newbie/);
  await expectAccessible(page);

  // Create a workspace: the slug fills in while typing the name.
  await page.goto("/workspace/new");
  await expectAccessible(page);
  const slug = `orbit-${Date.now().toString(36)}`;
  await page.getByLabel("Name").pressSequentially("Orbit Labs");
  await expect(page.getByLabel("Slug")).toHaveValue("orbit-labs");
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "Orbit Labs" })).toBeVisible();
  await expect(page.getByTestId("member-count")).toHaveText("1");

  // Switch by keyboard from Members of one workspace to Members of the other.
  await page.goto(`/${slug}/settings/members`);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await expectAccessible(page);
  const switcher = page.getByRole("button", { name: /Switch workspace/ });
  await switcher.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expectAccessible(page, { only: '[role="menu"]' });
  await expect(menu.getByRole("menuitem", { name: /Orbit Labs.*Owner/ })).toBeVisible();
  // The menu opens on its first item (the personal workspace); arrows move, Enter follows.
  await expect(menu.getByRole("menuitem", { name: /Personal/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: /Orbit Labs/ })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: /Personal/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/${personalSlug}/settings/members`);
  await expect(page.getByRole("button", { name: /^Personal .*Switch workspace$/ })).toBeVisible();

  // Every workspace with the caller's role; choose the default there.
  await page.goto("/workspace/select");
  await expectAccessible(page);
  const list = page.getByRole("list", { name: "Workspaces" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").filter({ hasText: "Orbit Labs" })).toContainText("Owner");
  await page.getByRole("button", { name: "Actions for Orbit Labs" }).click();
  await page.getByRole("menuitem", { name: "Make default" }).click();
  await expect(page.getByText("Orbit Labs is now your default workspace")).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: "Orbit Labs" })).toContainText("Default");

  // A workspace of others answers the same 404 as one that does not exist.
  const foreign = await page.goto("/acme");
  expect(foreign?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  const missing = await page.goto("/no-such-workspace-here");
  expect(missing?.status()).toBe(404);
  expect(await page.content()).not.toContain("Acme Consulting");

  // Sign out, then a protected page asks for sign-in and comes back to it; "/" lands on the new default.
  await page.goto(`/${slug}`);
  await signOutFromMenu(page);
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(`/${slug}/settings/members`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expectAccessible(page);
  await signIn(page, email, "long-enough-password");
  await expect(page).toHaveURL(`/${slug}/settings/members`);
  await page.goto("/");
  await expect(page).toHaveURL(`/${slug}`);
});

test("the demo account sees its three workspaces with its role in each", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL("/acme");
  await expect(page.getByRole("heading", { level: 1, name: "Acme Consulting" })).toBeVisible();
  // The profile menu at the top right, by keyboard: Enter opens it on the first workspace (the personal
  // one), the current one is marked, arrows move, Enter switches.
  await page.getByRole("button", { name: /account menu/ }).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toContainText("demo@example.com");
  await expect(menu.getByRole("menuitem", { name: /Personal.*Owner/ })).toBeFocused();
  const acme = menu.getByRole("menuitem", { name: /Acme Consulting.*Owner/ });
  await expect(acme).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("menuitem", { name: /Beta Studios.*Admin/ })).toBeVisible();
  await expect(menu.getByRole("menuitemradio", { name: "System" })).toBeChecked();
  await expectAccessible(page, { only: '[role="menu"]' });
  await page.keyboard.press("ArrowDown");
  await expect(acme).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: /Gamma Co\..*Developer/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/gamma");
  await expect(page.getByText("you are Developer")).toBeVisible();
  await expectAccessible(page);
});

test("bad input gets clear field errors and writes nothing", async ({ page, request }) => {
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await page.getByLabel("Name").fill("Shorty");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // A taken address gets the answer a new one gets, so the form tells nobody who has an account; the
  // address's owner is told by mail, and the account is unchanged (its password still signs in below).
  const noticesBefore = (await mailsTo(request, DEMO.email)).length;
  await page.getByLabel("Email").fill(DEMO.email.toUpperCase());
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByText(`We sent an email to ${DEMO.email}.`)).toBeVisible();
  await expectAccessible(page);
  await expect(async () => {
    const mails = await mailsTo(request, DEMO.email);
    expect(mails.slice(noticesBefore).map((m) => m.subject)).toContain("Someone tried to sign up with your address");
  }).toPass({ timeout: 10_000 });

  // Wrong password and unknown email read the same.
  await page.goto("/sign-in");
  await signIn(page, DEMO.email, "wrong-password-1");
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  await signIn(page, uniqueEmail("nobody"), "wrong-password-1");
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();

  // Reserved and taken slugs on the create form.
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL("/acme");
  await page.goto("/workspace/new");
  await page.getByLabel("Name").fill("Settings");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("This slug is reserved; choose another")).toBeVisible();
  await page.getByLabel("Slug").fill("acme");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("This slug is taken; choose another")).toBeVisible();
  await expect(page).toHaveURL("/workspace/new");
  await expectAccessible(page);
});

test("an owner deletes a workspace, finds it under Recently deleted, restores it and opens it", async ({ page }) => {
  // A person of their own: the demo owner's workspace count is what other tests' limits read.
  await signUp(page, "Rae Restorer", uniqueEmail("restorer"));
  const name = "Throwaway Trial";
  const slug = `throwaway-${Date.now().toString(36)}`;
  await page.goto("/workspace/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(`/${slug}`);

  // The danger zone offers the export beside Delete; the dialog says the deletion can be undone.
  await page.goto(`/${slug}/settings/general`);
  await expect(page.getByRole("link", { name: "Download export (JSON)" })).toHaveAttribute("href", `/${slug}/settings/general/export`);
  await page.getByRole("button", { name: "Delete workspace" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
  await expect(dialog).toContainText("You can restore it from Your workspaces");
  await dialog.getByLabel(`Type ${slug} to confirm`).fill(slug);
  await dialog.getByRole("button", { name: "Delete workspace" }).click();
  await expect(page).not.toHaveURL(/\/settings\/general/);
  expect((await page.goto(`/${slug}`))?.status()).toBe(404);

  // Gone from the list, waiting under "Recently deleted" with the date it goes for good.
  await page.goto("/workspace/select");
  const list = page.getByRole("list", { name: "Workspaces", exact: true });
  await expect(list.getByRole("listitem").first()).toBeVisible();
  await expect(list).not.toContainText(name);
  await expect(page.getByRole("heading", { level: 2, name: "Recently deleted" })).toBeVisible();
  const deleted = page.getByRole("list", { name: "Recently deleted workspaces" }).getByRole("listitem").filter({ hasText: `/${slug}` });
  await expect(deleted).toContainText(name);
  await expect(deleted).toContainText("Deleted for good on");
  await expect(page.getByText("Invitations and API keys that the deletion revoked stay revoked")).toBeVisible();
  await expectAccessible(page);

  await deleted.getByRole("button", { name: `Restore ${name}` }).click();
  await expect(page.getByText(`${name} was restored`)).toBeVisible();
  await expect(deleted).toHaveCount(0);
  await expect(list.getByRole("listitem").filter({ hasText: name })).toContainText("Owner");
  await expectAccessible(page);

  await list.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(`/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});
