import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, mailsTo, signedIn } from "./support";

// In Gamma Co., Dana (the demo account) is a developer who sees shop-prod through a grant for its logs,
// without Restart; Carol is an admin there. Nothing else in the suite touches Gamma's resources.
test("a developer asks for Restart on an instance, an admin approves it for 24 hours, the developer restarts", async ({ browser }) => {
  const developer = await signedIn(browser, DEMO.email);
  const admin = await signedIn(browser, "carol@example.com");

  await developer.goto("/gamma/instances");
  await developer.getByRole("link", { name: "shop-prod" }).click();
  await expect(developer.getByRole("heading", { level: 1, name: /shop-prod/ })).toBeVisible();
  await expect(developer.getByRole("button", { name: "Restart shop-prod", exact: true })).toHaveCount(0);
  await expectAccessible(developer);

  await developer.getByRole("button", { name: "Request access" }).click();
  const ask = developer.getByRole("dialog", { name: "Request access to instance shop-prod" });
  await expect(ask).toBeVisible();
  await expectAccessible(developer, { only: '[role="dialog"]' });
  // Keyboard only inside the dialog: Restart is offered first on an instance page; Tab to the reason, type, Tab to send.
  const permission = ask.getByRole("combobox", { name: "Permission" });
  await expect(permission).toHaveText(/Restart/);
  await permission.focus();
  await developer.keyboard.press("Tab");
  await expect(ask.getByLabel("Reason")).toBeFocused();
  await developer.keyboard.type("shop-prod hangs after each deploy; I am on call this week");
  await developer.keyboard.press("Tab");
  await expect(ask.getByRole("button", { name: "Send request" })).toBeFocused();
  await developer.keyboard.press("Enter");
  await expect(ask).toBeHidden();
  await expect(developer.getByText("Request sent to the owners and admins")).toBeVisible();

  await expect(async () => {
    const subjects = (await mailsTo(admin.request, "carol@example.com")).map((m) => m.subject);
    expect(subjects).toContain("Dana Demo asks for Restart on instance shop-prod in Gamma Co.");
  }).toPass({ timeout: 10_000 });

  await admin.goto("/gamma");
  const inbox = admin.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Access requests 1 waiting" });
  await expect(inbox).toBeVisible();
  await inbox.click();
  await expect(admin.getByRole("heading", { name: "Waiting for a decision (1)" })).toBeVisible();
  const row = admin.getByRole("row").filter({ hasText: "Dana Demo" });
  await expect(row).toContainText("Restart on instance shop-prod");
  await expect(row).toContainText("I am on call this week");
  await expectAccessible(admin);

  await row.getByRole("button", { name: "Approve Restart on instance shop-prod for Dana Demo" }).click();
  const approve = admin.getByRole("dialog", { name: "Approve Restart on instance shop-prod for Dana Demo" });
  await expect(approve).toBeVisible();
  await expectAccessible(admin, { only: '[role="dialog"]' });
  // Keyboard only inside the dialog: 24 hours is the default; a note, then Tab past Cancel to Approve.
  const lasts = approve.getByRole("combobox", { name: "Access lasts" });
  await expect(lasts).toHaveText(/For 24 hours/);
  await lasts.focus();
  await admin.keyboard.press("Tab");
  await expect(approve.getByLabel("Note to the requester (optional)")).toBeFocused();
  await admin.keyboard.type("For this week's on-call");
  await admin.keyboard.press("Tab");
  await admin.keyboard.press("Tab");
  await expect(approve.getByRole("button", { name: "Approve" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(approve).toBeHidden();
  await expect(admin.getByText("Approved; the requester was emailed")).toBeVisible();
  await expect(admin.getByText("No requests are waiting.")).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: "Dana Demo" })).toContainText(/approved\s*until/);

  await developer.reload();
  await developer.getByRole("button", { name: "Restart shop-prod", exact: true }).click();
  await expect(developer.getByText("shop-prod restarted")).toBeVisible();
  await expectAccessible(developer);
});
