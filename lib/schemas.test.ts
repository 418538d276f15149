import { describe, expect, it } from "vitest";
import { utcDayEnd } from "./dates";
import { dayParam, isRecordId, MAX_PAGE, NUL_MESSAGE, pageParam, recordId, searchParam, text } from "./schemas";
import { couldBeSlug } from "./workspaces/slug";

describe("shared schemas", () => {
  it("text refuses NUL with a message, wherever it is, and keeps chaining like z.string()", () => {
    const name = text().trim().min(1).max(10);
    expect(name.parse("  Ann  ")).toBe("Ann");
    for (const bad of ["\0", "a\0", "\0a", "a\0b"]) {
      const result = name.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toContain(NUL_MESSAGE);
    }
  });

  it("a record id is 1 to 64 letters, digits, - and _", () => {
    expect(recordId().parse("cmx2ysahr004l497d3gowx695")).toBe("cmx2ysahr004l497d3gowx695");
    for (const bad of ["", "a\0", "x".repeat(65), "a b", "../x", 42, null]) {
      expect(recordId().safeParse(bad).success).toBe(false);
      expect(isRecordId(bad)).toBe(false);
    }
    expect(recordId("Choose a member").safeParse("").error?.issues[0]?.message).toBe("Choose a member");
  });

  it("a page is a whole number from 1 to MAX_PAGE; anything else is page 1", () => {
    expect(pageParam.parse("7")).toBe(7);
    expect(pageParam.parse(MAX_PAGE)).toBe(MAX_PAGE);
    for (const junk of ["99999999999999999999", "Infinity", "1e400", "-1", "0", "2.5", "NaN", "", "\0", ["2", "3"], undefined, MAX_PAGE + 1]) {
      expect(pageParam.parse(junk)).toBe(1);
    }
  });

  it("a day exists and lies in 1970–9999; anything else is ignored", () => {
    expect(dayParam.parse("2024-02-29")).toBe("2024-02-29");
    expect(dayParam.parse("9999-12-31")).toBe("9999-12-31");
    for (const junk of ["0000-01-01", "1969-12-31", "2023-02-30", "275760-09-13", "+010000-01-01", "2024-1-1", "\0", ["2024-01-01"]]) {
      expect(dayParam.parse(junk)).toBeUndefined();
    }
    // The end of the last day stays a timestamp PostgreSQL can hold.
    expect(utcDayEnd("9999-12-31").toISOString()).toBe("9999-12-31T23:59:59.999Z");
  });

  it("search text is trimmed; NUL, arrays and over-long text are ignored", () => {
    const q = searchParam(5);
    expect(q.parse(" ann ")).toBe("ann");
    for (const junk of ["a\0", "toolong", ["a", "b"], 5]) expect(q.parse(junk)).toBeUndefined();
  });

  it("a slug-shaped segment could name a workspace; NUL, dots or 65 characters cannot", () => {
    expect(couldBeSlug("acme")).toBe(true);
    expect(couldBeSlug("Old-Slug-2")).toBe(true);
    for (const bad of ["", "a\0", "x".repeat(65), "a.b", "é", 3]) expect(couldBeSlug(bad)).toBe(false);
  });
});
