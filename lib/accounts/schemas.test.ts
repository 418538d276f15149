import { describe, expect, it } from "vitest";
import { messageText } from "@/lib/i18n/translator";
import { SignUpSchema } from "./schemas";

describe("SignUpSchema", () => {
  it("normalises the email so that case never makes a second account", () => {
    const parsed = SignUpSchema.parse({ name: " Ann ", email: "  Ann@Example.COM ", password: "0123456789" });
    expect(parsed).toMatchObject({ name: "Ann", email: "ann@example.com" });
  });

  it("says what is wrong with each field (as catalog keys, read here in English)", () => {
    const result = SignUpSchema.safeParse({ name: "", email: "not-an-email", password: "short" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), messageText(i.message)]));
    expect(messages).toEqual({
      name: "Enter your name",
      email: "Enter a valid email address",
      password: "Use at least 10 characters",
    });
  });
});
