import type { Theme } from "@/generated/prisma/enums";

/**
 * The account's colour themes in the order pickers list them (names in the `theme.options` catalog);
 * SYSTEM follows the device's light or dark setting.
 */
export const THEME_OPTIONS: readonly Theme[] = ["SYSTEM", "LIGHT", "DARK"];

/**
 * The class on <html> for a theme. SYSTEM has none: the stylesheet's prefers-color-scheme rule picks
 * light or dark before first paint, with no script (globals.css).
 */
export function themeClass(theme: Theme): string | undefined {
  return theme === "DARK" ? "dark" : theme === "LIGHT" ? "light" : undefined;
}

export function toasterTheme(theme: Theme): "light" | "dark" | "system" {
  return theme === "DARK" ? "dark" : theme === "LIGHT" ? "light" : "system";
}

/** Applies a newly chosen theme to the open page at once; the server renders the same class from then on. */
export function applyThemeClass(root: HTMLElement, theme: Theme) {
  root.classList.remove("dark", "light");
  const name = themeClass(theme);
  if (name) root.classList.add(name);
}
