/** Colour rules for a workspace's primary colour: text on it and text in it must stay readable (WCAG AA). */

export const DEFAULT_BRAND = "#4338ca";
export const SWATCHES = ["#4338ca", "#0f766e", "#b91c1c", "#c2410c", "#a16207", "#15803d", "#0369a1", "#7e22ce", "#be185d", "#374151"];

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function darken(hex: string, factor: number): string {
  return toHex(channels(hex).map((c) => c * factor) as [number, number, number]);
}

/** Darkens a colour step by step until it reaches `ratio` against `against`. */
function darkenUntil(hex: string, against: string, ratio: number): string {
  let current = hex;
  for (let i = 0; i < 40 && contrast(current, against) < ratio; i++) current = darken(current, 0.92);
  return current;
}

function lighten(hex: string, step: number): string {
  return toHex(channels(hex).map((c) => c + (255 - c) * step) as [number, number, number]);
}

/** Lightens a colour step by step (towards white) until it reaches `ratio` against `against`. */
function lightenUntil(hex: string, against: string, ratio: number): string {
  let current = hex;
  for (let i = 0; i < 60 && contrast(current, against) < ratio; i++) current = lighten(current, 0.08);
  return current;
}

/**
 * The lightest surface brand-coloured text sits on in the dark theme (gray-100 remapped for hover rows,
 * see globals.css); cards (#101828) and the page (#030712) are darker, so text readable here reads there.
 */
export const DARK_SURFACE = "#1e2939";

export interface BrandPalette {
  /** Backgrounds of primary buttons, the logo tile, active tabs. */
  brand: string;
  /** Hover state of those backgrounds. */
  strong: string;
  /** Text on a brand background: white or near-black, whichever reads better. */
  foreground: string;
  /** The brand colour used as text on white (links): darkened until it reads at 4.5:1. */
  text: string;
  /** The same in the dark theme: lightened until it reads at 4.5:1 on the dark surfaces. */
  darkText: string;
}

export function brandPalette(color: string | null | undefined): BrandPalette {
  const brand = color && /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : DEFAULT_BRAND;
  const foreground = contrast(brand, "#ffffff") >= contrast(brand, "#111827") ? "#ffffff" : "#111827";
  // A light colour with dark text can stay as it is; with white text it is darkened to read.
  const background = foreground === "#ffffff" ? darkenUntil(brand, "#ffffff", 4.5) : brand;
  return {
    brand: background,
    strong: darken(background, 0.85),
    foreground,
    text: darkenUntil(brand, "#ffffff", 4.5),
    darkText: lightenUntil(brand, DARK_SURFACE, 4.5),
  };
}

/**
 * The palette as CSS custom properties on :root (so portalled menus and dialogs take it too), with the
 * dark theme's text colour wherever the dark theme applies: the `.dark` class, or no explicit `.light`
 * and a device that prefers dark (the same rule as globals.css).
 */
export function brandStyle(palette: BrandPalette): string {
  const common = `--color-brand:${palette.brand};--color-brand-strong:${palette.strong};--color-brand-fg:${palette.foreground}`;
  const dark = `--color-brand-text:${palette.darkText}`;
  return `:root{${common};--color-brand-text:${palette.text}}:root.dark{${dark}}@media (prefers-color-scheme:dark){:root:not(.light){${dark}}}`;
}
