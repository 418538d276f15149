import slugifyName from "@sindresorhus/slugify";
import { messageKey } from "@/lib/i18n/message-key";

export const SLUG_MIN = 3;
export const SLUG_MAX = 48;
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * Slugs share the URL's first segment with the app's own routes, so every top-level route is
 * reserved (a unit test checks that each folder under app/ is listed), plus names a user could
 * mistake for the product's own pages.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "_next", "api", "admin", "settings", "new", "workspace", "workspaces", "account", "accounts",
  "invite", "invites", "invitations", "sign-in", "sign-up", "sign-out", "signin", "signup",
  "forgot-password", "reset-password", "verify-email", "confirm-email",
  "signout", "login", "logout", "register", "auth", "oauth", "callback", "dashboard", "app",
  "home", "help", "support", "docs", "about", "pricing", "billing", "status", "public", "static",
  "assets", "images", "favicon-ico", "robots-txt", "sitemap-xml", "health", "www", "mail",
  "root", "system", "null", "undefined",
]);

export type SlugProblem = "length" | "characters" | "hyphen" | "reserved";

/** What the person reads about each problem: catalog keys (lib/i18n/message-key.ts), in their language. */
export const SLUG_MESSAGES: Record<SlugProblem, string> = {
  length: messageKey("validation.workspaces.slugLength", { min: SLUG_MIN, max: SLUG_MAX }),
  characters: messageKey("validation.workspaces.slugCharacters"),
  hyphen: messageKey("validation.workspaces.slugHyphen"),
  reserved: messageKey("validation.workspaces.slugReserved"),
};

export function slugProblem(slug: string): SlugProblem | null {
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return "length";
  if (!/^[a-z0-9-]+$/.test(slug)) return "characters";
  if (!SLUG_PATTERN.test(slug)) return "hyphen";
  if (RESERVED_SLUGS.has(slug)) return "reserved";
  return null;
}

/**
 * Whether a path segment or an action's slug argument could name a workspace, by its slug or an old one
 * (any case: lookups lower-case it). Anything else names none and need not be looked up: a NUL in it
 * is a database error, not a missing workspace.
 */
export function couldBeSlug(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9-]{1,64}$/.test(value);
}

/**
 * A suggestion from a name: "Søren Ærø" → "soren-aero", "Müller & Söhne" → "mueller-soehne". May still
 * need a user's edit to be valid; a name with nothing transliterable (emoji, CJK) gives "" and the caller
 * falls back (the form leaves the field to the user, a personal workspace uses the email).
 */
export function slugify(name: string): string {
  return slugifyName(name, {
    // Transliteration writes "Æ" as "AE", which splitting camel case would cut ("Ærø" → "a-ero"); and a
    // name written "AcmeCorp" stays one word, as before.
    decamelize: false,
    // "&" is dropped rather than spelled out: "-and-" eats into the length limit and says nothing.
    customReplacements: [["&", " "]],
  })
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
}
