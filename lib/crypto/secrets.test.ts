import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, needsReencryption, secretHint } from "./secrets";

const key = () => randomBytes(32).toString("base64");
const original = process.env.SECRETS_ENCRYPTION_KEYS;
afterEach(() => {
  process.env.SECRETS_ENCRYPTION_KEYS = original;
});

describe("secrets at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    process.env.SECRETS_ENCRYPTION_KEYS = `1:${key()}`;
    const stored = encryptSecret("sk-live-123456", "ws1:PRODUCTION:STRIPE");
    expect(stored).not.toContain("sk-live");
    expect(stored.startsWith("v1.")).toBe(true);
    expect(decryptSecret(stored, "ws1:PRODUCTION:STRIPE")).toBe("sk-live-123456");
    expect(encryptSecret("sk-live-123456")).not.toBe(encryptSecret("sk-live-123456"));
  });

  it("still decrypts rows written under a rotated-out key, and says which need re-encryption", () => {
    const [oldKey, newKey] = [key(), key()];
    process.env.SECRETS_ENCRYPTION_KEYS = `1:${oldKey}`;
    const old = encryptSecret("written long ago");
    process.env.SECRETS_ENCRYPTION_KEYS = `2:${newKey},1:${oldKey}`;
    expect(decryptSecret(old)).toBe("written long ago");
    expect(needsReencryption(old)).toBe(true);
    expect(needsReencryption(encryptSecret("new"))).toBe(false);
    process.env.SECRETS_ENCRYPTION_KEYS = `2:${newKey}`;
    expect(() => decryptSecret(old)).toThrow(/key version v1/);
  });

  it("refuses a ciphertext moved to another row or tampered with", () => {
    process.env.SECRETS_ENCRYPTION_KEYS = `1:${key()}`;
    const stored = encryptSecret("value", "row-a");
    expect(() => decryptSecret(stored, "row-b")).toThrow();
    const parts = stored.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), "row-a")).toThrow();
  });

  it("explains a missing or malformed key", () => {
    process.env.SECRETS_ENCRYPTION_KEYS = "";
    expect(() => encryptSecret("x")).toThrow(/SECRETS_ENCRYPTION_KEYS is not set/);
    process.env.SECRETS_ENCRYPTION_KEYS = "1:short";
    expect(() => encryptSecret("x")).toThrow(/base64 of 32 bytes/);
  });

  it("hints with the last four characters only", () => {
    expect(secretHint("sk-live-123456")).toBe("…3456");
    expect(secretHint("abc")).toBe("…");
  });
});
