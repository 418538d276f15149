import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, invitationLinkFor, signedIn, signUp, uniqueEmail } from "./support";

test("an owner invites a new person by email, who signs up from the link, joins, and takes over ownership", async ({ browser, request }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const ownerEmail = uniqueEmail("owner");
  await signUp(owner, "Olivia Owner", ownerEmail);
  await expect(owner.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  const slug = `studio-${Date.now().toString(36)}`;
  await owner.goto("/workspace/new");
  await owner.getByLabel("Name").fill("Studio Nine");
  await owner.getByLabel("Slug").fill(slug);
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner).toHaveURL(`/${slug}`);

  // Invite through the dialog, by keyboard where a person would.
  await owner.goto(`/${slug}/settings/members`);
  await owner.getByRole("button", { name: "Invite members" }).click();
  const dialog = owner.getByRole("dialog", { name: "Invite members" });
  await expect(dialog).toBeVisible();
  await expectAccessible(owner, { only: '[role="dialog"]' });
  const inviteeEmail = uniqueEmail("invitee");
  await dialog.getByLabel("Email addresses").fill(`${inviteeEmail}, not-an-email`);
  await dialog.getByRole("combobox", { name: "Role" }).focus();
  await owner.keyboard.press("Enter");
  await owner.getByRole("option", { name: "Developer" }).focus();
  await owner.keyboard.press("Enter");
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  const results = dialog.getByRole("list", { name: "Invitation results" });
  await expect(results.getByRole("listitem").filter({ hasText: inviteeEmail })).toContainText("Invited as Developer");
  await expect(results.getByRole("listitem").filter({ hasText: "not-an-email" })).toContainText("Not a valid email address");
  await owner.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await owner.getByRole("navigation", { name: "Members" }).getByRole("link", { name: "Pending invitations" }).click();
  await expect(owner).toHaveURL(`/${slug}/settings/members/invitations`);
  const pendingRow = owner.getByRole("row").filter({ hasText: inviteeEmail });
  await expect(pendingRow).toContainText("Olivia Owner");
  await expectAccessible(owner);

  // The invitee opens the link from the email, in their own browser.
  const link = await invitationLinkFor(request, inviteeEmail);
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByText(`Olivia Owner invited ${inviteeEmail} to join Studio Nine as Developer.`)).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByRole("link", { name: "Create an account to accept" }).click();
  await expect(invitee.getByLabel("Email")).toHaveValue(inviteeEmail);
  await expect(invitee.getByLabel("Email")).toHaveAttribute("readonly", "");
  await expectAccessible(invitee);
  await invitee.getByLabel("Name").fill("Ian Invitee");
  await invitee.getByLabel("Password").fill("long-enough-password");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(`/${slug}`);
  await expect(invitee.getByText("you are Developer")).toBeVisible();

  // The link was single use.
  await invitee.goto(link);
  await expect(invitee.getByText("This invitation has already been used.")).toBeVisible();

  // The invitation is no longer pending; the owner sees the new member, and hands the workspace over.
  await owner.reload();
  await expect(owner.getByRole("row").filter({ hasText: inviteeEmail })).toHaveCount(0);
  await owner.getByRole("navigation", { name: "Members" }).getByRole("link", { name: "Members" }).click();
  await expect(owner).toHaveURL(`/${slug}/settings/members`);
  const memberRow = owner.getByRole("row").filter({ hasText: "Ian Invitee" });
  await expect(memberRow).toContainText("Developer");
  await expect(owner.getByRole("row").filter({ hasText: inviteeEmail })).toHaveCount(1);
  await memberRow.getByRole("button", { name: "Actions for Ian Invitee" }).click();
  await owner.getByRole("menuitem", { name: "Transfer ownership…" }).click();
  const transfer = owner.getByRole("dialog", { name: "Transfer ownership to Ian Invitee?" });
  // The dialog's code loads on first use: check it once it is there.
  await expect(transfer).toBeVisible();
  await expectAccessible(owner, { only: '[role="dialog"]' });
  await transfer.getByLabel(`Type ${slug} to confirm`).fill("not-the-slug");
  await transfer.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(transfer.getByText(`Type ${slug} to confirm`, { exact: true }).last()).toBeVisible();
  await transfer.getByLabel(`Type ${slug} to confirm`).fill(slug);
  await transfer.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(transfer).toBeHidden();
  await expect(owner.getByRole("row").filter({ hasText: "Ian Invitee" })).toContainText("Owner");
  await expect(owner.getByRole("row").filter({ hasText: "Olivia Owner" })).toContainText("Admin");
  await invitee.goto(`/${slug}`);
  await expect(invitee.getByText("you are Owner")).toBeVisible();

  await ownerContext.close();
  await inviteeContext.close();
});

test("an invitation sent again from its row menu has a fresh link, and once revoked that link is dead", async ({ browser, request }) => {
  const page = await signedIn(browser, DEMO.email);
  await page.goto("/acme/settings/members");
  await page.getByRole("button", { name: "Invite members" }).click();
  const email = uniqueEmail("revoke-me");
  const dialog = page.getByRole("dialog", { name: "Invite members" });
  await dialog.getByLabel("Email addresses").fill(email);
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  await expect(dialog.getByRole("list", { name: "Invitation results" })).toContainText("Invited as Viewer");
  await page.keyboard.press("Escape");
  const firstLink = await invitationLinkFor(request, email);
  await page.goto("/acme/settings/members/invitations");
  await expectAccessible(page);

  // The row menu by keyboard: Send again queues a fresh email and says so.
  const actions = page.getByRole("button", { name: `Actions for the invitation to ${email}` });
  await actions.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Send again" })).toBeFocused();
  await expectAccessible(page, { only: '[role="menu"]' });
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Sending the invitation to ${email} again`)).toBeVisible();
  await expect(page.getByRole("menu")).toBeHidden();
  // A second email with a fresh link: that one is revoked below.
  const link = await invitationLinkFor(request, email, 1);
  expect(link).not.toBe(firstLink);

  await actions.click();
  await page.getByRole("menuitem", { name: "Revoke…" }).click();
  const confirmRevoke = page.getByRole("dialog", { name: `Revoke the invitation to ${email}?` });
  await expect(confirmRevoke).toBeVisible();
  await expectAccessible(page, { only: '[role="dialog"]' });
  await confirmRevoke.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(confirmRevoke).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);

  const stranger = await page.context().browser()!.newContext();
  const visitor = await stranger.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Invitation unavailable" })).toBeVisible();
  await expect(visitor.getByText("This invitation was revoked.")).toBeVisible();
  await expectAccessible(visitor);
  await stranger.close();
});

test("an admin is offered nothing against the owner", async ({ browser }) => {
  const page = await signedIn(browser, DEMO.email); // Admin of Beta Studios, owned by Alice
  await page.goto("/beta-studios/settings/members");
  await expect(page.getByRole("row").filter({ hasText: "Alice Archer" })).toContainText("Owner");
  await expect(page.getByRole("button", { name: "Actions for Alice Archer" })).toHaveCount(0);
  // By keyboard: the row menu (mounted on first approach) keeps focus, opens on its first item, and
  // gives focus back when closed.
  const bobActions = page.getByRole("button", { name: "Actions for Bob Baker" });
  await bobActions.focus();
  await expect(bobActions).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Change role…" })).toBeFocused();
  await expect(page.getByRole("menuitem", { name: "Transfer ownership…" })).toHaveCount(0);
  await expectAccessible(page, { only: '[role="menu"]' });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(bobActions).toBeFocused();
  await expectAccessible(page);
});
