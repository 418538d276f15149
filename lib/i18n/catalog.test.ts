import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { CLIENT_NAMESPACES, clientMessages, clientMessagesJson } from "./client-messages";
import { KEYS_USED_DYNAMICALLY } from "./key-allowlist";

/**
 * The catalogs and the code agree: English and German have the same keys (and the same placeholders),
 * every key the code uses exists, and every key in the catalog is used. How the scanner reads code is
 * described in README "Languages"; in short:
 *   const t = useTranslations("ns") | await getTranslations("ns") | translatorFor(locale, "ns")
 *   t("key") · t.rich("key", …) · t.has("key") · t.markup("key", …)       → ns.key
 *   t(`prefix.${value}`)                                                    → every key under ns.prefix.
 *   messageKey("validation.key")                                            → validation.key
 * A binding holds from its line to the next binding of the same name in that file.
 */

const ROOT = join(__dirname, "..", "..");
const SOURCE_DIRS = ["app", "components", "lib", "i18n"];

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The argument names of an ICU message ({name}, {count, plural, …}) and its tags (<strong>). */
function placeholders(message: string): string[] {
  const names = [...message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)].map((m) => m[1]!);
  const tags = [...message.matchAll(/<([A-Za-z0-9_]+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...names, ...tags])].sort();
}

interface Use {
  key: string;
  prefix: boolean;
  where: string;
}

const BINDING =
  /(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)"|'([^']*)'|\{[^}]*namespace:\s*"([^"]*)"[^}]*\})?\s*\)|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*translatorFor\([^,]+,\s*"([^"]*)"\s*\)/g;

export function scanUses(file: string, source: string): Use[] {
  const where = relative(ROOT, file);
  const uses: Use[] = [];
  const bindings = [...source.matchAll(BINDING)].map((m) => ({
    name: m[1] ?? m[5]!,
    namespace: m[2] ?? m[3] ?? m[4] ?? m[6] ?? "",
    at: m.index!,
  }));
  const names = new Set(bindings.map((b) => b.name));
  for (const name of names) {
    const escaped = name.replace(/\$/g, "\\$");
    const call = new RegExp(`(?<![\\w$.])${escaped}(?:\\.(?:rich|markup|has|raw))?\\(\\s*(?:"([^"]+)"|'([^']+)'|\`([^\`$]*)\\$\\{)`, "g");
    for (const m of source.matchAll(call)) {
      const binding = bindings.filter((b) => b.name === name && b.at < m.index!).at(-1);
      if (!binding) continue;
      const ns = binding.namespace ? `${binding.namespace}.` : "";
      if (m[3] !== undefined) uses.push({ key: ns + m[3], prefix: true, where });
      else uses.push({ key: ns + (m[1] ?? m[2]!), prefix: false, where });
    }
  }
  for (const m of source.matchAll(/messageKey\(\s*"([^"]+)"/g)) uses.push({ key: m[1]!, prefix: false, where });
  return uses;
}

/** The namespaces of useTranslations bindings: a component that is not async may render in the browser. */
function hookNamespaces(source: string): string[] {
  return [...source.matchAll(/useTranslations\(\s*(?:"([^"]*)"|'([^']*)')?\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");
}

const english = flatten(en as Catalog);
const german = flatten(de as Catalog);
const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
const uses = files.flatMap((file) => scanUses(file, readFileSync(file, "utf8")));

describe("message catalogs", () => {
  it("English and German have the same keys", () => {
    expect([...german.keys()].filter((key) => !english.has(key)), "in de.json only").toEqual([]);
    expect([...english.keys()].filter((key) => !german.has(key)), "in en.json only").toEqual([]);
  });

  it("each German message has the placeholders of its English one", () => {
    const differing = [...english].filter(([key, message]) => german.has(key) && placeholders(message).join() !== placeholders(german.get(key)!).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("no message is empty", () => {
    expect([...english, ...german].filter(([, message]) => message.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it("every key the code uses is in the catalog", () => {
    const missing = uses.filter((use) =>
      use.prefix ? ![...english.keys()].some((key) => key.startsWith(use.key)) : !english.has(use.key),
    );
    expect(missing.map((use) => `${use.where}: ${use.key}${use.prefix ? "…" : ""}`)).toEqual([]);
  });

  it("every key in the catalog is used", () => {
    const exact = new Set([...uses.filter((use) => !use.prefix).map((use) => use.key), ...KEYS_USED_DYNAMICALLY]);
    const prefixes = uses.filter((use) => use.prefix).map((use) => use.key);
    const unused = [...english.keys()].filter((key) => !exact.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });

  it("sends the browser every namespace a component that can render there reads, and no more", () => {
    const covered = (ns: string) => CLIENT_NAMESPACES.some((entry) => ns === entry || ns.startsWith(`${entry}.`));
    const clientNamespaces = new Set(files.flatMap((file) => hookNamespaces(readFileSync(file, "utf8"))));
    expect([...clientNamespaces].filter((ns) => ns !== "" && !covered(ns)).sort(), "add to lib/i18n/client-messages.ts").toEqual([]);
    const read = [...clientNamespaces, "validation", "errors"];
    const stale = CLIENT_NAMESPACES.filter((entry) => !read.some((ns) => ns === entry || ns.startsWith(`${entry}.`)) || ![...english.keys()].some((key) => key.startsWith(`${entry}.`)));
    expect(stale, "no component reads these in the browser").toEqual([]);
  });

  it("the browser's part of each catalog goes as JSON text that reads back to the same messages, built once a catalog", () => {
    for (const catalog of [en, de]) {
      const json = clientMessagesJson(catalog);
      expect(JSON.parse(json)).toEqual(clientMessages(catalog));
      expect(clientMessagesJson(catalog)).toBe(json);
    }
    expect(JSON.parse(clientMessagesJson(de)).validation.emailRequired).not.toEqual(JSON.parse(clientMessagesJson(en)).validation.emailRequired);
  });

  it("the scanner sees namespaces, rich text, template prefixes and message keys", () => {
    const sample = `
      const t = useTranslations("account.sessions");
      t("heading"); t.rich("revokeDescription", {}); t.has('revoke');
      const s = await getTranslations("account.securityLog");
      s(\`events.\${kind}\`);
      const t = useTranslations("auth");
      t("checkInbox");
      messageKey("errors.deadLink");
      other("not.a.key");`;
    expect(scanUses(join(ROOT, "x.tsx"), sample).map((use) => `${use.key}${use.prefix ? "…" : ""}`).sort()).toEqual(
      ["account.securityLog.events.…", "account.sessions.heading", "account.sessions.revoke", "account.sessions.revokeDescription", "auth.checkInbox", "errors.deadLink"].sort(),
    );
  });
});
