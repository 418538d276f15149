import { expect, test } from "@playwright/test";
import { expectAccessible, signUp, uniqueEmail } from "./support";

const PASSWORD = "long-enough-password";

test("the account's language: German on the account page and after signing in anew, dates in de-DE, then back to English", async ({ page, context }) => {
  const email = uniqueEmail("sprache");
  await signUp(page, "Greta Sprache", email, PASSWORD);

  // The browser asks for en-US: English until the account chooses otherwise.
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await page.getByRole("radio", { name: "Deutsch" }).check();
  await page.getByRole("button", { name: "Save language" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Konto" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: "Sicherheitsprotokoll" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Zwei-Faktor-Authentifizierung" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Deutsch" })).toBeChecked();
  const sessions = page.getByRole("table", { name: "Angemeldete Sitzungen" });
  await expect(sessions.getByRole("cell", { name: /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC$/ }).first()).toBeVisible();
  // A German field error comes from the shared schema's key.
  await page.getByRole("button", { name: "Passwort ändern" }).click();
  await expect(page.getByText("Geben Sie Ihr aktuelles Passwort ein")).toBeVisible();
  await expectAccessible(page);

  // The workspace's pages speak it too: the sidebar, the settings tabs, the members list.
  await page.goto("/");
  await page.getByRole("link", { name: "Einstellungen" }).first().click();
  await page.getByRole("link", { name: "Mitglieder", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Einstellungen" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Inhaber");
  await expectAccessible(page);

  // Another browser (no cookie): the sign-in page follows its en-US, signing in brings the account's German.
  await context.clearCookies();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Workspaces" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Konto" })).toBeVisible();

  // Back to English; the sign-in page stays English once signed out.
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("button", { name: "Sprache speichern" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("table", { name: "Signed-in sessions" }).getByRole("cell", { name: /UTC$/ }).first()).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} UTC$/);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Workspaces" })).toBeVisible();
});
