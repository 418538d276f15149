import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/acme/settings/members", "/acme/settings/members"],
    ["/acme?tab=1", "/acme?tab=1"],
    ["http://localhost:3000/acme/settings", "/acme/settings"],
  ])("keeps the path of %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each([
    "https://evil.example/acme",
    "//evil.example/acme",
    "/\\evil.example",
    "javascript:alert(1)",
    "/sign-in?callbackUrl=/x",
    "",
  ])("falls back for %s", (raw) => {
    expect(safeCallbackPath(raw, "/home")).toBe("/home");
  });
});
