import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signUp, uniqueEmail } from "./support";

const PASSWORD = "long-enough-password";

test("sessions live in the database: a revoked one and a copied cookie after sign-out both land on sign-in", async ({ browser }) => {
  const email = uniqueEmail("sessions");
  const laptop = await (await browser.newContext()).newPage();
  await signUp(laptop, "Sam Sessions", email, PASSWORD);
  await expect(laptop).not.toHaveURL(/sign-(in|up)/);

  const phone = await (await browser.newContext()).newPage();
  await phone.goto("/sign-in");
  await signIn(phone, email, PASSWORD);
  await expect(phone).not.toHaveURL(/sign-in/);

  // The laptop sees both browsers and ends the phone's session.
  await laptop.goto("/account");
  const sessions = laptop.getByRole("table", { name: "Signed-in sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(3); // header + two sessions
  await expect(sessions.getByText("This device")).toHaveCount(1);
  await expectAccessible(laptop);
  await sessions.getByRole("button", { name: /^Revoke session: / }).click();
  const confirm = laptop.getByRole("dialog", { name: "Revoke this session?" });
  await expectAccessible(laptop, { only: '[role="dialog"]' });
  await confirm.getByRole("button", { name: "Revoke session" }).click();
  await expect(confirm).toBeHidden();
  await expect(sessions.getByRole("row")).toHaveCount(2);

  // The phone's next request finds its session gone.
  await phone.goto("/workspace/select");
  await expect(phone).toHaveURL(/\/sign-in/);

  // A copy of the laptop's cookie, taken before signing out, signs nobody in afterwards.
  const copied = await browser.newContext({ storageState: await laptop.context().storageState() });
  const thief = await copied.newPage();
  await thief.goto("/account");
  await expect(thief.getByRole("heading", { name: "Account" })).toBeVisible();
  await laptop.getByRole("button", { name: "Sign out" }).click();
  await expect(laptop).toHaveURL(/\/sign-in/);
  await thief.goto("/account");
  await expect(thief).toHaveURL(/\/sign-in/);

  // The security log tells the story, newest first.
  await laptop.goto("/sign-in");
  await signIn(laptop, email, PASSWORD);
  await expect(laptop).not.toHaveURL(/sign-in/);
  await laptop.goto("/account");
  const log = laptop.getByRole("table", { name: "Security log" });
  await expect(log.getByRole("row").nth(1)).toContainText("Signed in");
  await expect(log).toContainText("Signed out");
  await expect(log).toContainText("Revoked a session");
  await expectAccessible(laptop);
  await Promise.all([laptop.context().close(), phone.context().close(), copied.close()]);
});
