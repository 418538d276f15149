import { describe, expect, it } from "vitest";
import { brandPalette, contrast, DEFAULT_BRAND, SWATCHES } from "./color";

describe("brandPalette", () => {
  it.each([...SWATCHES, "#ffff00", "#00ff00", "#ffffff", "#000000", "#87ceeb"])("keeps text readable for %s", (color) => {
    const p = brandPalette(color);
    expect(contrast(p.brand, p.foreground)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.text, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("uses dark text on a light colour and white on a dark one", () => {
    expect(brandPalette("#ffff00").foreground).toBe("#111827");
    expect(brandPalette("#1e3a8a").foreground).toBe("#ffffff");
  });

  it("falls back to the default for a missing or malformed colour", () => {
    expect(brandPalette(null).brand).toBe(DEFAULT_BRAND);
    expect(brandPalette("red").brand).toBe(DEFAULT_BRAND);
  });
});
