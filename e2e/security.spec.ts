import { expect, test } from "@playwright/test";
import { DEMO, signedIn, signIn, signUp, storageStateFor, uniqueEmail } from "./support";

test("pages carry the security headers and a fresh script nonce, run under the policy, and refuse to be framed", async ({ browser, baseURL }) => {
  const page = await signedIn(browser, DEMO.email);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/acme/settings/members");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "default-src 'self'"]) expect(csp).toContain(directive);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(headers).toMatchObject({
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Every script of the server's HTML carries this response's nonce, and the page hydrates under the
  // policy. Chunks the page imports later (dialogs, menus, toasts on first use) are trusted through
  // 'strict-dynamic' and carry none; a refused one would show below as a violation.
  const scriptTags = [...(await response!.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scriptTags.length).toBeGreaterThan(0);
  expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  await page.getByRole("button", { name: "Invite members" }).click();
  await expect(page.getByRole("dialog", { name: "Invite members" })).toBeVisible();
  expect(violations).toEqual([]);

  const again = (await page.request.get("/acme/settings/members")).headers()["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);
  const script = await page.locator("script[src]").first().getAttribute("src");
  expect((await page.request.get(script!)).headers()["x-content-type-options"]).toBe("nosniff");

  // Another site framing the dashboard gets nothing rendered.
  const framer = await browser.newPage();
  await framer.setContent(`<iframe title="framed" src="${baseURL}/sign-in"></iframe>`);
  const framed = framer.frames().find((frame) => frame !== framer.mainFrame())!;
  await expect.poll(async () => framed.locator("body").getByLabel("Email").count().catch(() => 0)).toBe(0);
  await expect.poll(() => framed.url()).not.toContain("/sign-in");
  await framer.close();
});

test("a forged X-Forwarded-For is not the address the audit log records", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor(DEMO.email), extraHTTPHeaders: { "x-forwarded-for": "203.0.113.9" } });
  const page = await context.newPage();
  const name = `Forgers ${Date.now().toString(36)}`;
  await page.goto("/acme/settings/teams");
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const csv = await (await context.request.get("/acme/settings/audit/export?action=team.created")).text();
  const row = csv.split("\r\n").find((line) => line.includes(name));
  expect(row).toBeTruthy();
  expect(row).toContain(",127.0.0.1,");
  expect(csv).not.toContain("203.0.113.9");
  await context.close();
});

test("guessing a password is refused after ten tries with when to try again, even with the right password", async ({ page, browser }) => {
  const email = uniqueEmail("guessed");
  await signUp(page, "Guessed Person", email);
  await expect(page).not.toHaveURL(/sign-up/);
  const attacker = await (await browser.newContext()).newPage();
  await attacker.goto("/sign-in");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await signIn(attacker, email, `wrong-password-${attempt}`);
    await expect(attacker.getByText("The email or password is incorrect.")).toBeVisible();
  }
  await signIn(attacker, email, "long-enough-password");
  await expect(attacker.getByText("Too many attempts. Try again in 15 minutes.")).toBeVisible();
  await expect(attacker).toHaveURL(/sign-in/);
  await attacker.context().close();
});

test("a sign-in form submitted before the page's scripts run never puts the password in the URL", async ({ browser }) => {
  // Without JavaScript the form is the browser's own: it must POST, never GET the fields into the URL.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill("a-secret-password-123");
  const submitted = page.waitForRequest((request) => new URL(request.url()).pathname === "/sign-in" && request.isNavigationRequest() && request.method() !== "GET" || /password=/.test(request.url()));
  await page.getByRole("button", { name: "Sign in" }).click();
  const request = await submitted;
  expect(request.method()).toBe("POST");
  expect(request.url()).not.toContain("a-secret-password-123");
  expect(page.url()).not.toContain("a-secret-password-123");
  await context.close();
});
