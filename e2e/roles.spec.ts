import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signedIn, signIn } from "./support";

// Beta Studios: the demo account is an admin there and Bob a developer without grants; no other test
// touches its resources, so the role made here changes nothing they see.
test("an admin makes an Operator role, assigns it by keyboard, and the developer can restart and read why", async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.email);

  // Something to operate on.
  await admin.goto("/beta-studios/projects");
  await admin.getByRole("button", { name: "New project" }).click();
  const projectDialog = admin.getByRole("dialog", { name: "New project" });
  await projectDialog.getByLabel("Name").fill("ops-alpha");
  await projectDialog.getByLabel("Repository URL").fill("https://github.com/beta/ops-alpha");
  await projectDialog.getByRole("button", { name: "Create project" }).click();
  await expect(projectDialog).toBeHidden();
  await admin.goto("/beta-studios/servers");
  await admin.getByRole("button", { name: "New server" }).click();
  const serverDialog = admin.getByRole("dialog", { name: "New server" });
  await serverDialog.getByLabel("Name").fill("ops-1");
  await serverDialog.getByLabel("Address").fill("10.0.9.1");
  await serverDialog.getByRole("button", { name: "Create server" }).click();
  await expect(serverDialog).toBeHidden();
  await admin.goto("/beta-studios/instances");
  await admin.getByRole("button", { name: "New instance" }).click();
  const instanceDialog = admin.getByRole("dialog", { name: "New instance" });
  await instanceDialog.getByLabel("Name").fill("ops-web");
  await instanceDialog.getByRole("combobox", { name: "Project" }).click();
  await admin.getByRole("option", { name: "ops-alpha" }).click();
  await instanceDialog.getByRole("combobox", { name: "Server" }).click();
  await admin.getByRole("option", { name: "ops-1" }).click();
  await instanceDialog.getByRole("button", { name: "Create instance" }).click();
  await expect(instanceDialog).toBeHidden();

  // Settings → Roles: a role of Restart on ops-alpha.
  await admin.goto("/beta-studios/settings/roles");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "New role" }).click();
  const roleDialog = admin.getByRole("dialog", { name: "New role" });
  await roleDialog.getByLabel("Name").fill("Operator");
  await roleDialog.getByLabel("Description").fill("Restarts production");
  await roleDialog.getByRole("switch", { name: "Restart" }).click();
  await roleDialog.getByRole("checkbox", { name: "ops-alpha", exact: true }).check();
  await expectAccessible(admin, { only: '[role="dialog"]' });
  await roleDialog.getByRole("button", { name: "Create role" }).click();
  await expect(roleDialog).toBeHidden();
  const card = admin.getByRole("region", { name: "Operator" });
  await expect(card).toContainText("held by 0 members and 0 teams");

  // The permissions modal, keyboard only inside it: choose the role, keep "No expiry", assign.
  await admin.goto("/beta-studios/settings/members");
  await admin.getByRole("button", { name: "Actions for Bob Baker" }).click();
  await admin.getByRole("menuitem", { name: "Permissions…" }).click();
  const modal = admin.getByRole("dialog", { name: "Permissions for Bob Baker" });
  const rolePicker = modal.getByRole("combobox", { name: "Assign a role" });
  await rolePicker.focus();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("option", { name: "Operator" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(rolePicker).toHaveText("Operator");
  await admin.keyboard.press("Tab"); // "The role lasts"
  await admin.keyboard.press("Tab"); // "Assign role"
  await expect(modal.getByRole("button", { name: "Assign role" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(admin.getByText("Bob Baker now holds Operator")).toBeVisible();
  await expect(modal.getByRole("list", { name: "Permissions and why" })).toContainText("From custom role Operator, on ops-alpha");
  await expectAccessible(admin, { only: '[role="dialog"]' });

  // Bob, at his next request: the Restart button, and the reason in "Your access".
  const context = await browser.newContext();
  const developer = await context.newPage();
  await developer.goto("/sign-in");
  await signIn(developer, "bob@example.com", DEMO.password);
  await expect(developer).not.toHaveURL(/\/sign-in/);
  await developer.goto("/beta-studios/instances");
  await expect(developer.getByRole("button", { name: "Restart ops-web" })).toBeVisible();
  await expectAccessible(developer);
  await developer.goto("/beta-studios/settings/access");
  await expect(developer.getByText("You can use “Restart” on ops-alpha because you hold the role Operator.")).toBeVisible();
  await expectAccessible(developer);
  await context.close();
});
