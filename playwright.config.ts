import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const mailCaptureUrl = `http://127.0.0.1:${Number(process.env.MAIL_CAPTURE_PORT ?? 3101)}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download cannot be reached from here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["sign-in"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/serve-test-app.ts",
    env: { PORT: String(port), MAIL_CAPTURE_PORT: new URL(mailCaptureUrl).port },
    url: `http://127.0.0.1:${port}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
