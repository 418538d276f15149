import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signedIn } from "./support";


test("an admin grants a developer Restart on one project, then revokes it", async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.email); // owner of Acme
  const developer = await signedIn(browser, "carol@example.com"); // developer in Acme, no grants

  await developer.goto("/acme/instances");
  await expect(developer.getByText("No instances you can access yet.")).toBeVisible();

  await admin.goto("/acme/settings/members");
  await admin.getByRole("button", { name: "Actions for Carol Chen" }).click();
  await admin.getByRole("menuitem", { name: "Permissions…" }).click();
  const modal = admin.getByRole("dialog", { name: "Permissions for Carol Chen" });
  await expect(modal).toBeVisible();
  // The modal loads Carol's grant and the workspace's resources when it opens.
  await expect(modal.getByRole("switch", { name: "Restart" })).not.toBeChecked();
  await expectAccessible(admin, { only: '[role="dialog"]' });
  // By keyboard: the switch toggles with Space, the checkbox too.
  await modal.getByRole("switch", { name: "Restart" }).focus();
  await admin.keyboard.press("Space");
  await expect(modal.getByRole("switch", { name: "Restart" })).toBeChecked();
  await modal.getByRole("checkbox", { name: "web", exact: true }).focus();
  await admin.keyboard.press("Space");
  await modal.getByRole("button", { name: "Save permissions" }).click();
  await expect(modal).toBeHidden();
  await expect(admin.getByText("Permissions saved for Carol Chen")).toBeVisible();

  await developer.reload();
  const rows = developer.getByRole("row");
  await expect(rows.filter({ hasText: "web-dev" })).toBeVisible();
  await expect(rows.filter({ hasText: "api-dev" })).toHaveCount(0);
  for (const name of ["web-dev", "web-staging", "web-prod"]) {
    await expect(developer.getByRole("button", { name: `Restart ${name}` })).toBeVisible();
  }
  await expectAccessible(developer);
  await developer.getByRole("button", { name: "Restart web-dev" }).click();
  await expect(developer.getByText("web-dev restarted")).toBeVisible();

  // Revoke; the developer's page is stale, but the server no longer accepts the action.
  await admin.getByRole("button", { name: "Actions for Carol Chen" }).click();
  await admin.getByRole("menuitem", { name: "Permissions…" }).click();
  await expect(modal.getByRole("switch", { name: "Restart" })).toBeChecked();
  await expect(modal.getByRole("checkbox", { name: "web", exact: true })).toBeChecked();
  await modal.getByRole("switch", { name: "Restart" }).click();
  await expect(modal.getByRole("switch", { name: "Restart" })).not.toBeChecked();
  await modal.getByRole("button", { name: "Save permissions" }).click();
  await expect(modal).toBeHidden();

  await developer.getByRole("button", { name: "Restart web-staging" }).click();
  await expect(developer.getByText("You don't have permission to do that in this workspace.")).toBeVisible();
  await developer.reload();
  await expect(rows.filter({ hasText: "web-staging" })).toBeVisible();
  await expect(developer.getByRole("button", { name: /^Restart / })).toHaveCount(0);
});

test("a team's grant reaches its members, and leaves with them", async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.email);
  const viewer = await signedIn(browser, "erin@example.com"); // viewer in Acme

  await admin.goto("/acme/settings/teams");
  await expectAccessible(admin);
  const team = admin.getByRole("region", { name: "On-call" });
  await team.getByRole("combobox", { name: "Add a member to On-call" }).click();
  await admin.getByRole("option", { name: "Erin Evans" }).click();
  await team.getByRole("button", { name: "Add" }).click();
  await expect(team.getByRole("list", { name: "Members of On-call" })).toContainText("Erin Evans");

  await admin.getByRole("button", { name: "Permissions for team On-call" }).click();
  const modal = admin.getByRole("dialog", { name: "Permissions for team On-call" });
  await modal.getByRole("switch", { name: "Restart" }).click();
  await modal.getByRole("checkbox", { name: "api", exact: true }).check();
  await modal.getByRole("button", { name: "Save permissions" }).click();
  await expect(modal).toBeHidden();

  await viewer.goto("/acme/instances");
  await expect(viewer.getByRole("row").filter({ hasText: "web-dev" })).toHaveCount(0);
  await viewer.getByRole("button", { name: "Restart api-dev" }).click();
  await expect(viewer.getByText("api-dev restarted")).toBeVisible();
  // The restart refreshes the viewer's page; let that finish, so the page below is the one from before
  // the admin's change (its Restart buttons are stale on purpose).
  await viewer.waitForLoadState("networkidle");

  await team.getByRole("button", { name: "Remove Erin Evans from On-call" }).click();
  await expect(team.getByRole("list", { name: "Members of On-call" })).not.toContainText("Erin Evans");

  await viewer.getByRole("button", { name: "Restart api-prod" }).click();
  await expect(viewer.getByText("You don't have permission to do that in this workspace.")).toBeVisible();
  await viewer.reload();
  await expect(viewer.getByText("No instances you can access yet.")).toBeVisible();
});

test("an owner works an instance through its tabs", async ({ browser }) => {
  const owner = await signedIn(browser, DEMO.email);
  await owner.goto("/acme/instances");
  await owner.getByRole("link", { name: "web-staging" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: /web-staging/ })).toBeVisible();
  await expectAccessible(owner);

  await owner.getByRole("button", { name: "Connect" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "ssh app@10.0.1.10" })).toBeVisible();

  await owner.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Backups" }).click();
  await expectAccessible(owner);
  await owner.getByLabel("Label (optional)").fill("before-upgrade");
  await owner.getByRole("button", { name: "Create backup" }).click();
  const backupRow = owner.getByRole("row").filter({ hasText: "before-upgrade" });
  await expect(backupRow).toBeVisible();
  const [file] = await Promise.all([owner.waitForEvent("download"), backupRow.getByRole("link", { name: /Download/ }).click()]);
  expect(file.suggestedFilename()).toMatch(/^web-staging-.*\.json$/);

  await owner.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Settings" }).click();
  await owner.getByLabel("Replicas").fill("40");
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(owner.getByText("At most 20 replicas")).toBeVisible();
  await owner.getByLabel("Replicas").fill("4");
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(owner.getByText("Settings saved")).toBeVisible();
  await expectAccessible(owner);

  await owner.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Logs" }).click();
  await expect(owner.getByText("Settings changed by Dana Demo")).toHaveCount(0); // application log by default
  await owner.getByRole("link", { name: "Deployment" }).click();
  await expect(owner.getByText("Settings changed by Dana Demo")).toBeVisible();
  await expectAccessible(owner);

  await owner.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "IDE" }).click();
  await owner.getByRole("button", { name: "Open web IDE" }).click();
  await expect(owner.getByRole("region", { name: "Web IDE for web-staging" })).toBeVisible();
  await expectAccessible(owner);

  await owner.goto("/acme/secrets");
  await expect(owner.getByRole("row").filter({ hasText: "DATABASE_URL" })).toContainText("…acme");
  await expectAccessible(owner);
  await owner.goto("/acme/projects");
  await owner.getByRole("link", { name: "web", exact: true }).click();
  await owner.getByRole("button", { name: "Merge" }).click();
  await expect(owner.getByText("develop → main")).toBeVisible();
  await expectAccessible(owner);
});
