import { describe, expect, it } from "vitest";
import { environmentProblems } from "./check-env";

const BASE = { AUTH_SECRET: "s", AUTH_TRUST_HOST: "true", SECRETS_ENCRYPTION_KEYS: "1:k" };

describe("start-up environment check", () => {
  it("refuses production without an origin for email links, naming the variable", () => {
    const problems = environmentProblems({ ...BASE, NODE_ENV: "production", ALLOW_DEMO_PAYMENTS: "true" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^APP_URL=/);
    expect(environmentProblems({ ...BASE, NODE_ENV: "production", ALLOW_DEMO_PAYMENTS: "true", AUTH_URL: "https://x.example" })).toEqual([]);
  });

  it("refuses production's demo payment provider unless it is enabled on purpose", () => {
    const env = { ...BASE, NODE_ENV: "production", APP_URL: "https://x.example" } as const;
    expect(environmentProblems(env)).toEqual([expect.stringMatching(/^STRIPE_SECRET_KEY .* ALLOW_DEMO_PAYMENTS=true/)]);
    expect(environmentProblems({ ...env, ALLOW_DEMO_PAYMENTS: "true" })).toEqual([]);
    expect(environmentProblems({ ...env, STRIPE_SECRET_KEY: "sk_live_x" })).toEqual([]);
  });

  it("leaves development alone beyond the secrets every mode needs", () => {
    expect(environmentProblems({ ...BASE, NODE_ENV: "development" })).toEqual([]);
    expect(environmentProblems({ NODE_ENV: "development" })).toHaveLength(3);
  });
});
