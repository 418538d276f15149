import { describe, expect, it } from "vitest";
import { brandPalette, brandStyle, contrast, DEFAULT_BRAND, SWATCHES } from "./color";

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

describe("brand colour in the dark theme", () => {
  // The dark theme's surfaces (globals.css): hover rows, cards, the page.
  const surfaces = ["#1e2939", "#101828", "#030712"];
  it.each([...SWATCHES, "#000000", "#1e3a8a", "#4b0082", "#ffff00", "#ffffff"])("keeps brand text readable on dark surfaces for %s", (color) => {
    const p = brandPalette(color);
    for (const surface of surfaces) expect(contrast(p.darkText, surface)).toBeGreaterThanOrEqual(4.5);
    // Buttons carry their own background and foreground, so they read the same in both themes.
    expect(contrast(p.brand, p.foreground)).toBeGreaterThanOrEqual(4.5);
  });

  it("switches the text colour with the theme class and with the device's preference", () => {
    const css = brandStyle(brandPalette("#4338ca"));
    const p = brandPalette("#4338ca");
    expect(css).toContain(`:root{--color-brand:#4338ca;`);
    expect(css).toContain(`--color-brand-text:${p.text}}`);
    expect(css).toContain(`:root.dark{--color-brand-text:${p.darkText}}`);
    expect(css).toContain(`@media (prefers-color-scheme:dark){:root:not(.light){--color-brand-text:${p.darkText}}}`);
  });

  it("leaves a colour that already reads on dark as it is", () => {
    expect(brandPalette("#ffff00").darkText).toBe("#ffff00");
  });
});
