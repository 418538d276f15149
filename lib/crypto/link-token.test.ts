import { describe, expect, it } from "vitest";
import { hashLinkToken, isLinkToken, newLinkToken } from "./link-token";

describe("link tokens", () => {
  it("are 32 random bytes in base64url, stored as their sha256", () => {
    const { token, tokenHash } = newLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(hashLinkToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(newLinkToken().token).not.toBe(token);
  });

  it.each(["", "short", "x".repeat(42), "x".repeat(44), `${"x".repeat(42)}\0`, `${"x".repeat(42)}/`, 42, null])("does not take %j for one", (value) => {
    expect(isLinkToken(value)).toBe(false);
  });
});
