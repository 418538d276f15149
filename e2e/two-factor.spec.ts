import { expect, test, type Page } from "@playwright/test";
import { totpCode as codeFor, wrongCode } from "../tests/support/totp-code";
import { expectAccessible, invitationLinkFor, signIn, signOutFromMenu, signUp, uniqueEmail } from "./support";

const PASSWORD = "long-enough-password";

/** On /account: set up 2FA from the key the page shows (as someone who can't scan would), and save the codes. */
async function turnOnTwoFactor(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const setup = page.getByRole("dialog", { name: "Set up two-factor authentication" });
  await expect(setup.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  await expectAccessible(page, { only: '[role="dialog"]' });
  const secret = ((await setup.getByTestId("setup-key").textContent()) ?? "").replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const codeField = setup.getByLabel("Enter the 6-digit code the app shows");
  const right = await codeFor(secret);
  await codeField.fill(wrongCode(right));
  await setup.getByRole("button", { name: "Turn on" }).click();
  await expect(setup.getByText(/^That code is not right/)).toBeVisible();
  await codeField.fill(await codeFor(secret));
  await setup.getByRole("button", { name: "Turn on" }).click();

  const saved = page.getByRole("dialog", { name: "Save your recovery codes" });
  await expect(saved).toBeVisible();
  await expect(setup).toBeHidden();
  await expectAccessible(page, { only: '[role="dialog"]' });
  const recoveryCodes = await saved.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await expect(saved.getByRole("button", { name: "Copy" })).toBeVisible();
  await expect(saved.getByRole("button", { name: "Download" })).toBeVisible();
  await saved.getByRole("button", { name: "I saved them" }).click();
  await expect(saved).toBeHidden();
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(section.getByText("On", { exact: true })).toBeVisible();
  return { secret, recoveryCodes };
}

// Through the profile menu, which every signed-in page has (the workspace pages have no other way out).
const signOut = signOutFromMenu;

test("a person turns on 2FA from the key on the page; sign-in then asks for a code, and a recovery code works once", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail("two-factor");
  await signUp(page, "Tess Twofactor", email, PASSWORD);
  await page.goto("/account");
  await expectAccessible(page);
  const { secret, recoveryCodes } = await turnOnTwoFactor(page);
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(section).toContainText("10 of 10 recovery codes left.");
  await expectAccessible(page);

  // After the password, the form asks for a code; a wrong one is refused, the authenticator's is let in.
  await signOut(page);
  await signIn(page, email, PASSWORD);
  const code = page.getByLabel("Authentication code");
  await expect(code).toBeVisible();
  await expect(page.getByText("Enter the 6-digit code from your authenticator app, or a recovery code")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  const next = await codeFor(secret, 1);
  await code.fill(wrongCode(next));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/^That code is not right/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await code.fill(next);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  // A recovery code stands in for the phone, once.
  await signOut(page);
  await signIn(page, email, PASSWORD);
  await page.getByLabel("Authentication code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Two-factor authentication" })).toContainText("9 of 10 recovery codes left.");
  const log = page.getByRole("table", { name: "Security log" });
  await expect(log).toContainText("Signed in with a recovery code");
  await expect(log).toContainText("Turned on two-factor authentication");
  await expectAccessible(page);

  await signOut(page);
  await signIn(page, email, PASSWORD);
  await page.getByLabel("Authentication code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/^That code is not right/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
  await page.context().close();
});

test("an owner requires 2FA on a workspace; a member without it is sent to set it up first", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const owner = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();
  const memberEmail = uniqueEmail("member-2fa");
  await signUp(owner, "Omar Owner", uniqueEmail("owner-2fa"), PASSWORD);
  await signUp(member, "Mina Member", memberEmail, PASSWORD);

  const slug = `vault-${Date.now().toString(36)}`;
  await owner.goto("/workspace/new");
  await owner.getByLabel("Name").fill("Vault Nine");
  await owner.getByLabel("Slug").fill(slug);
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner).toHaveURL(`/${slug}`);
  await owner.goto(`/${slug}/settings/members`);
  await owner.getByRole("button", { name: "Invite members" }).click();
  const invite = owner.getByRole("dialog", { name: "Invite members" });
  await invite.getByLabel("Email addresses").fill(memberEmail);
  await invite.getByRole("button", { name: "Send invitations" }).click();
  await expect(invite.getByRole("list", { name: "Invitation results" })).toContainText("Invited as Viewer");
  await owner.keyboard.press("Escape");
  await member.goto(await invitationLinkFor(request, memberEmail));
  await member.getByRole("button", { name: "Accept invitation" }).click();
  await expect(member).toHaveURL(`/${slug}`);

  // Requiring it without 2FA of one's own is refused: it would lock the owner out.
  await owner.goto(`/${slug}/settings/general`);
  const requirement = owner.getByRole("switch", { name: "Require two-factor authentication" });
  await expect(requirement).not.toBeChecked();
  await expectAccessible(owner);
  await requirement.click();
  await expect(owner.getByText(/^Turn on two-factor authentication for your own account first/)).toBeVisible();
  await expect(requirement).not.toBeChecked();

  await owner.goto("/account");
  await turnOnTwoFactor(owner);
  await owner.goto(`/${slug}/settings/general`);
  await requirement.click();
  const confirm = owner.getByRole("dialog", { name: "Require two-factor authentication?" });
  await expect(confirm).toContainText("1 member has no two-factor authentication yet.");
  await expectAccessible(owner, { only: '[role="dialog"]' });
  await confirm.getByRole("button", { name: "Require it" }).click();
  await expect(confirm).toBeHidden();
  await expect(requirement).toBeChecked();
  await expectAccessible(owner);

  // The members table shows who has it.
  await owner.goto(`/${slug}/settings/members`);
  const twoFactorCell = (name: string) => owner.getByRole("row").filter({ hasText: name }).getByRole("cell").nth(3);
  await expect(owner.getByRole("columnheader").nth(3)).toHaveText("Two-factor");
  await expect(twoFactorCell("Omar Owner")).toHaveText("On");
  await expect(twoFactorCell("Mina Member")).toHaveText("Off");
  await expectAccessible(owner);

  // The member's next visit lands on set-up, which says which workspace asked; once it is on, in they go.
  await member.goto(`/${slug}/settings/members`);
  await expect(member).toHaveURL(`/account?requiredBy=${slug}`);
  await expect(member.getByText(`The workspace /${slug} requires two-factor authentication.`)).toBeVisible();
  await expectAccessible(member);
  await turnOnTwoFactor(member);
  await member.getByRole("link", { name: `Continue to /${slug}` }).click();
  await expect(member).toHaveURL(`/${slug}`);
  await expect(member.getByRole("heading", { level: 1, name: "Vault Nine" })).toBeVisible();
  await expectAccessible(member);

  await owner.context().close();
  await member.context().close();
});
