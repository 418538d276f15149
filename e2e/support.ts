import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import path from "node:path";

export const DEMO = { email: "demo@example.com", password: "demo-password" };

/**
 * Every page a test visits must pass axe with no violations. With a menu or dialog open, Radix hides
 * the page behind it from assistive technology on purpose, so then only the open layer is checked.
 */
export async function expectAccessible(page: Page, options: { only?: string } = {}) {
  // A refresh after a server action re-renders the page's metadata; scan once its title is back.
  await expect(page).toHaveTitle(/\S/);
  // Dialogs and menus load their code on first use: scan the part once it is on the page.
  if (options.only) await expect(page.locator(options.only).first()).toBeVisible();
  const builder = new AxeBuilder({ page });
  if (options.only) builder.include(options.only);
  const results = await builder.analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
  // And in the other theme. Colours are all that changes between them, so only contrast is checked
  // again (a fraction of a full run). An account on "system" follows the emulated preference; one with
  // an explicit theme shows only that one, which the first run checked.
  const theme = await page.evaluate(() => (document.documentElement.classList.contains("dark") ? "dark" : document.documentElement.classList.contains("light") ? "light" : "system"));
  if (theme !== "system") return;
  const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
  await page.emulateMedia({ colorScheme: dark ? "light" : "dark" });
  try {
    // Buttons fade their colours (transition-colors): check the other theme's colours, not a frame of the fade.
    await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      for (const animation of document.getAnimations()) animation.finish();
    });
    const contrast = new AxeBuilder({ page }).withRules(["color-contrast"]);
    if (options.only) contrast.include(options.only);
    const other = await contrast.analyze();
    expect(
      other.violations.map((v) => `${dark ? "light" : "dark"} theme: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    ).toEqual([]);
  } finally {
    await page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
  }
}

/** Signs out through the profile menu at the top right of the page. */
export async function signOutFromMenu(page: Page) {
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomBytes(4).toString("hex")}@e2e.example`;
}

/**
 * A new person signs up and ends up signed in, as a person would: the form answers "check your inbox",
 * the link in the mail confirms the address and leads to sign-in, and they sign in (landing in their
 * personal workspace).
 */
export async function signUp(page: Page, name: string, email: string, password = "long-enough-password") {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto(await accountLinkFor(page.request, email, "verify-email"));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?email=/);
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const MAIL_CAPTURE_URL = `http://127.0.0.1:${Number(process.env.MAIL_CAPTURE_PORT ?? 3101)}`;

/** Every mail the capture server received for an address, oldest first. */
export async function mailsTo(request: APIRequestContext, to: string): Promise<{ subject: string; text: string }[]> {
  return (await (await request.get(`${MAIL_CAPTURE_URL}/emails?to=${encodeURIComponent(to)}`)).json()) as { subject: string; text: string }[];
}

/**
 * Waits for the `nth` mail (0: the first) to an address holding an account link of this kind (confirm
 * the address, reset the password, confirm a new address) and returns the link, as a person would click it.
 */
export async function accountLinkFor(
  request: APIRequestContext,
  to: string,
  kind: "verify-email" | "reset-password" | "confirm-email",
  nth = 0,
): Promise<string> {
  const pattern = new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_-]+`);
  let link = "";
  await expect(async () => {
    const links = (await mailsTo(request, to)).flatMap((mail) => mail.text.match(pattern) ?? []);
    expect(links[nth], `${kind} link #${nth + 1} mailed to ${to}`).toBeTruthy();
    link = links[nth]!;
  }).toPass({ timeout: 10_000 });
  return link;
}

/** Waits for the mail sent to an address and returns the invitation link in it, as a person would click it. */
export async function invitationLinkFor(request: APIRequestContext, to: string, nth = 0): Promise<string> {
  let link = "";
  await expect(async () => {
    const emails = (await (await request.get(`${MAIL_CAPTURE_URL}/emails?to=${encodeURIComponent(to)}`)).json()) as { text: string }[];
    // The address may also have received account mail (a verification link): count invitations only.
    const links = emails.flatMap((email) => email.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/) ?? []);
    const found = links[nth];
    expect(found, `an invitation email to ${to}`).toBeTruthy();
    link = found!;
  }).toPass({ timeout: 10_000 });
  return link;
}

/** The demo accounts the tests act as; e2e/auth.setup.ts signs each in once per run. */
export const SIGNED_IN_ACCOUNTS = [DEMO.email, "alice@example.com", "carol@example.com", "erin@example.com", "ops@example.com"] as const;
type SignedInAccount = (typeof SIGNED_IN_ACCOUNTS)[number];

export function storageStateFor(email: SignedInAccount): string {
  return path.join(process.cwd(), "e2e", ".auth", `${email}.json`);
}

/**
 * A fresh browser context signed in as a demo account, from the state the set-up project saved. Never
 * sign such a context out: every test of that account shares its session.
 */
export async function signedIn(browser: Browser, email: SignedInAccount): Promise<Page> {
  const page = await (await browser.newContext({ storageState: storageStateFor(email) })).newPage();
  return page;
}
