import { describe, expect, it } from "vitest";
import { sectionOf } from "./section";

describe("sectionOf", () => {
  it.each([
    ["/acme", ""],
    ["/acme/", ""],
    ["/acme/settings/members", "/settings/members"],
    ["/acme/settings/members/extra", "/settings/members"],
    ["/acme/instances/ckxyz", "/instances"],
  ])("%s keeps %s", (pathname, section) => {
    expect(sectionOf(pathname)).toBe(section);
  });
});
