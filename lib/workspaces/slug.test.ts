import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CreateWorkspaceSchema } from "./schemas";
import { RESERVED_SLUGS, slugify, slugProblem } from "./slug";

describe("slug rules", () => {
  it.each(["abc", "acme-consulting", "a1b2", "x".repeat(48), "9lives"])("accepts %s", (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it.each([
    ["ab", "length"],
    ["x".repeat(49), "length"],
    ["Acme", "characters"],
    ["acme_co", "characters"],
    ["acmé", "characters"],
    ["-acme", "hyphen"],
    ["acme-", "hyphen"],
    ["settings", "reserved"],
    ["sign-in", "reserved"],
    ["api", "reserved"],
  ] as const)("refuses %s (%s)", (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });

  it("reserves every top-level route segment of the app", () => {
    const appDir = path.join(import.meta.dirname, "../../app");
    const segments = readdirSync(appDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith("[") && !e.name.startsWith("("))
      .map((e) => e.name);
    // Route groups do not add a segment, but the folders inside them do.
    const grouped = readdirSync(appDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name.startsWith("("))
      .flatMap((group) =>
        readdirSync(path.join(appDir, group.name), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => e.name),
      );
    const all = [...segments, ...grouped];
    expect(all).toContain("workspace");
    expect(all).toContain("sign-in");
    for (const segment of all) expect(RESERVED_SLUGS.has(segment), `${segment} must be reserved`).toBe(true);
  });
});

describe("slugify", () => {
  it.each([
    ["Acme Consulting", "acme-consulting"],
    // The library's default spells umlauts the German way (ä → ae), whatever the name's language.
    ["  Ängström & Co. ", "aengstroem-co"],
    ["Gamma Co.", "gamma-co"],
    ["AcmeCorp", "acmecorp"],
    ["acme_co", "acme-co"],
    ["---", ""],
    ["a".repeat(60), "a".repeat(48)],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each([
    ["Søren Ærø", "soren-aero"],
    ["Müller & Söhne", "mueller-soehne"],
    ["Straße Öl Übersee", "strasse-oel-uebersee"],
    ["Crème Brûlée Café", "creme-brulee-cafe"],
    ["Łódź", "lodz"],
    ["Иван Петров", "ivan-petrov"],
    ["Zoë's Studio", "zoes-studio"],
  ])("transliterates %s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugProblem(slug)).toBeNull();
  });

  // As before, nothing transliterable gives "", and callers fall back (the form waits for the user).
  it.each(["🚀🔥", "東京", "서울", "🚀 東京 !!"])("suggests nothing for %s", (name) => {
    expect(slugify(name)).toBe("");
  });

  it("keeps the Latin part of a mixed name", () => {
    expect(slugify("東京 Tokyo 🚀")).toBe("tokyo");
  });

  it("never ends a long suggestion with a hyphen", () => {
    expect(slugify(`${"a".repeat(47)} b`)).toBe("a".repeat(47));
  });
});

describe("CreateWorkspaceSchema", () => {
  it("lower-cases and trims the slug", () => {
    const parsed = CreateWorkspaceSchema.parse({ name: "Acme", slug: " ACME ", kind: "PROJECT" });
    expect(parsed.slug).toBe("acme");
  });

  it("requires a stage for an environment and drops it for a project", () => {
    const env = CreateWorkspaceSchema.safeParse({ name: "Prod", slug: "prod", kind: "ENVIRONMENT" });
    expect(env.success).toBe(false);
    expect(env.error?.issues[0]?.path).toEqual(["stage"]);
    const project = CreateWorkspaceSchema.parse({ name: "P", slug: "ppp", kind: "PROJECT", stage: "STAGING" });
    expect(project.stage).toBeUndefined();
  });

  it("refuses a personal kind from the form", () => {
    expect(CreateWorkspaceSchema.safeParse({ name: "P", slug: "ppp", kind: "PERSONAL" }).success).toBe(false);
  });
});
