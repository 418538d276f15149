import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_NAME } from "./action";
import { actionRegistry } from "./registry";

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === "actions.ts" ? [full] : [];
  });
}

describe("server actions", () => {
  const files = actionFiles(path.join(import.meta.dirname, "../../app"));

  it("are found in the app", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("are every one built by an authz factory, so none can skip its check", async () => {
    for (const file of files) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const [exportName, value] of Object.entries(exports)) {
        const name = (value as { [ACTION_NAME]?: string })[ACTION_NAME];
        expect(name, `${path.relative(process.cwd(), file)} exports ${exportName} without lib/authz`).toBeTypeOf("string");
        expect(actionRegistry.has(name!)).toBe(true);
      }
    }
  });
});
