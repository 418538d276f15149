import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseCircular, parseDependencyTree } from "dpdm";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "lib", "components"] as const;

/**
 * dpdm reads each file with the TypeScript parser and without transpiling (`transform: false`), so
 * `import type` and `export type … from` stay edges: a circle through types alone still couples two
 * modules' meaning, and the issue asks for none. Paths come from tsconfig.json, so "@/…" resolves as tsc does.
 */
async function importCycles(root: string): Promise<string[][]> {
  const escapedRoot = root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const tree = await parseDependencyTree(
    SOURCE_DIRS.map((dir) => `${dir}/**/*.{ts,tsx}`),
    {
      cwd: root,
      context: root,
      tsconfig: path.join(root, "tsconfig.json"),
      transform: false,
      skipDynamicImports: false,
      // Generated code and packages are not ours to untangle; only edges between our own files count.
      include: new RegExp(`^${escapedRoot}/(${SOURCE_DIRS.join("|")})/`),
      exclude: /\/node_modules\//,
    },
  );
  const unresolvedAliases = Object.values(tree)
    .flatMap((deps) => deps ?? [])
    .filter((dep) => dep.id === null && dep.request.startsWith("@/"));
  // An alias that no longer resolves would silently drop its edge and could hide a circle.
  expect(unresolvedAliases.map((dep) => `${dep.issuer} → ${dep.request}`)).toEqual([]);
  return parseCircular(tree);
}

const describeCycle = (cycle: string[]) => [...cycle, cycle[0]].join("\n  → ");

describe("import graph of app/, lib/ and components/", () => {
  const fixtures: string[] = [];
  afterAll(() => {
    for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
  });

  // Guards the guard: a detector that found nothing because it missed type-only or aliased edges would pass forever.
  it("detects a circle made only of `import type` through the @/ alias", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "import-cycles-"));
    fixtures.push(root);
    mkdirSync(path.join(root, "lib/a"), { recursive: true });
    mkdirSync(path.join(root, "lib/b"), { recursive: true });
    writeFileSync(
      path.join(root, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { moduleResolution: "bundler", module: "esnext", paths: { "@/*": ["./*"] } } }),
    );
    writeFileSync(path.join(root, "lib/a/types.ts"), 'import type { B } from "@/lib/b/types";\nexport interface A { b: B }\n');
    writeFileSync(path.join(root, "lib/b/types.ts"), 'import type { A } from "@/lib/a/types";\nexport interface B { a: A }\n');
    writeFileSync(path.join(root, "lib/c.ts"), 'import type { A } from "@/lib/a/types";\nexport const c = (a: A) => a;\n');

    const cycles = await importCycles(root);
    expect(cycles).toHaveLength(1);
    expect(new Set(cycles[0])).toEqual(new Set(["lib/a/types.ts", "lib/b/types.ts"]));
  });

  it("has no import circle, not even through types", async () => {
    const cycles = await importCycles(repoRoot);
    const report = cycles.map((cycle, i) => `cycle ${i + 1}:\n  ${describeCycle(cycle)}`).join("\n");
    if (cycles.length > 0) console.error(`Import circles found:\n${report}`);
    expect(cycles, report).toEqual([]);
  }, 60_000);
});
