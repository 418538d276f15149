import { describe, expect, it } from "vitest";
import { formatMinor, parseMoneyToMinor } from "./money";

describe("money", () => {
  it.each([
    ["12", 1200],
    ["12.3", 1230],
    ["12.34", 1234],
    ["0.01", 1],
    [" 100.10 ", 10010],
    ["0.29", 29],
  ])("parses %s exactly as %d minor units (no float rounding)", (text, minor) => {
    expect(parseMoneyToMinor(text)).toBe(minor);
  });

  it.each(["", "abc", "1.234", "-5", "1e3", "12,50", "1.", ".5"])("refuses %s", (text) => {
    expect(parseMoneyToMinor(text)).toBeNull();
  });

  it("formats minor units with two decimals and a sign", () => {
    expect(formatMinor(123456)).toBe("$1,234.56");
    expect(formatMinor(-1900)).toBe("-$19.00");
    expect(formatMinor(5, "EUR")).toBe("EUR 0.05");
  });
});
