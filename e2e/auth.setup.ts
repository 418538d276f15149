import { expect, test as setup } from "@playwright/test";
import { DEMO, SIGNED_IN_ACCOUNTS, signIn, storageStateFor } from "./support";

// Each kind of user signs in through the form once per run; the tests reuse the saved browser state
// instead of signing in again. Tests about signing in itself still use the form.
for (const email of SIGNED_IN_ACCOUNTS) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await page.goto("/sign-in");
    await signIn(page, email, DEMO.password);
    await expect(page).not.toHaveURL(/sign-in/);
    await page.context().storageState({ path: storageStateFor(email) });
  });
}
