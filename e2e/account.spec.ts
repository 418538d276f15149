import { expect, test, type Page } from "@playwright/test";
import { accountLinkFor, expectAccessible, mailsTo, signIn, signUp, uniqueEmail } from "./support";

const PASSWORD = "long-enough-password";

async function fillSignUp(page: Page, name: string, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
}

test("sign-up asks to check the inbox; the emailed link confirms the address and leads to sign-in", async ({ page, request }) => {
  const email = uniqueEmail("verify");
  await fillSignUp(page, "Vera Verify", email);
  await expect(page.getByText(`We sent an email to ${email}.`)).toBeVisible();
  await expectAccessible(page);
  const link = await accountLinkFor(request, email, "verify-email");
  expect((await mailsTo(request, email)).map((m) => m.subject)).toEqual(["Confirm your email address"]);

  // Opening the link changes nothing by itself (mail scanners fetch links); the button confirms.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await expect(page.getByText(`Confirm that ${email} is your address`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?email=/);
  await expect(page.getByText("Email address confirmed")).toBeVisible();
  await expectAccessible(page);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Email confirmation" })).toHaveCount(0);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Address already confirmed" })).toBeVisible();
  await expectAccessible(page);
});

test("an unconfirmed account sees a banner with Send again wherever it is signed in, until it opens the link", async ({ page, request }) => {
  const email = uniqueEmail("banner");
  await fillSignUp(page, "Ben Banner", email);
  // Signing in before confirming is allowed; the banner reminds.
  await page.goto(`/sign-in?email=${encodeURIComponent(email)}`);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  const banner = page.getByRole("region", { name: "Email confirmation" });
  await expect(banner).toContainText(`Confirm your email address: open the link we sent to ${email}.`);
  await expectAccessible(page);

  await banner.getByRole("button", { name: "Send again" }).click();
  await expect(page.getByText(`Sent a new link to ${email}`)).toBeVisible();
  const newest = await accountLinkFor(request, email, "verify-email", 1);

  await page.goto("/workspace/select");
  await expect(banner).toBeVisible();
  await expectAccessible(page);
  await page.goto("/account");
  await expect(banner).toBeVisible();
  await expect(page.getByRole("region", { name: "Email address", exact: true })).toContainText("Not confirmed");
  await expectAccessible(page);

  // Signed in as the account, confirming leads back in; the banner is gone, and so is the older link.
  await page.goto(newest);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.goto("/account");
  const emailSection = page.getByRole("region", { name: "Email address", exact: true });
  await expect(emailSection).toContainText("Confirmed");
  await expect(emailSection).not.toContainText("Not confirmed");
  await expect(page.getByRole("table", { name: "Security log" })).toContainText("Verified the email address");
  await page.goto(await accountLinkFor(request, email, "verify-email", 0));
  await expect(page.getByRole("heading", { name: "Address already confirmed" })).toBeVisible();
});

test("forgot password: the same answer for any address, a single-use link, and every session ends", async ({ browser, page, request }) => {
  const email = uniqueEmail("forgetful");
  // The other browser: signed in before the reset, signed out by it.
  const other = await (await browser.newContext()).newPage();
  await signUp(other, "Fran Forgetful", email, PASSWORD);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL("/forgot-password");
  await expectAccessible(page);
  // An address without an account reads exactly the same answer (and gets no mail).
  const nobody = uniqueEmail("nobody");
  await page.getByLabel("Email").fill(nobody);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const unknownAnswer = (await page.getByRole("main").innerText()).replace(nobody, "ADDRESS");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  expect((await page.getByRole("main").innerText()).replace(email, "ADDRESS")).toBe(unknownAnswer);
  await expectAccessible(page);

  const link = await accountLinkFor(request, email, "reset-password");
  expect(await mailsTo(request, nobody)).toEqual([]);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?email=/);
  await expect(page.getByText("Password changed. Sign in with the new one.")).toBeVisible();

  // The old password is refused, the new one works.
  await signIn(page, email, PASSWORD);
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  await signIn(page, email, "a-brand-new-password");
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();

  // The browser that was signed in before is signed out.
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Link no longer works" })).toBeVisible();
  await expectAccessible(page);
  await other.context().close();
});

test("change password signs out the other browsers; change email waits for the new address to confirm", async ({ browser, page, request }) => {
  const email = uniqueEmail("mover");
  await signUp(page, "Mo Mover", email, PASSWORD);
  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in");
  await signIn(other, email, PASSWORD);
  await expect(other).not.toHaveURL(/\/sign-in/);

  await page.goto("/account");
  await expectAccessible(page);
  const passwordSection = page.getByRole("region", { name: "Password", exact: true });
  await passwordSection.getByLabel("Current password").fill("not-the-password");
  await passwordSection.getByLabel("New password").fill("a-second-password");
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  await expect(passwordSection.getByText("That password is not right")).toBeVisible();
  await passwordSection.getByLabel("Current password").fill(PASSWORD);
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. One other browser was signed out.")).toBeVisible();
  await other.goto("/account");
  await expect(other).toHaveURL(/\/sign-in/);
  await other.context().close();

  // Change of address: a link to the new one, a notice to the old one; nothing changes until the link.
  const newEmail = uniqueEmail("moved");
  const emailSection = page.getByRole("region", { name: "Email address", exact: true });
  await emailSection.getByLabel("New email address").fill(newEmail);
  await emailSection.getByLabel("Current password").fill("a-second-password");
  await emailSection.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(emailSection.getByRole("status")).toContainText(`We sent a link to ${newEmail}`);
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expectAccessible(page);
  await expect(async () => {
    expect((await mailsTo(request, email)).map((m) => m.subject)).toContain("Your email address is about to change");
  }).toPass({ timeout: 10_000 });

  await page.goto(await accountLinkFor(request, newEmail, "confirm-email"));
  await expect(page.getByRole("heading", { name: "Confirm your new email address" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm new address" }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByTestId("account-email")).toHaveText(newEmail);
  await expect(emailSection).toContainText("Confirmed");
  const log = page.getByRole("table", { name: "Security log" });
  await expect(log).toContainText("Changed the email address");
  await expect(log).toContainText("Changed the password");
  await expectAccessible(page);

  // From now on the new address signs in.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, email, "a-second-password");
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  await signIn(page, newEmail, "a-second-password");
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
});
