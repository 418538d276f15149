import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ENDPOINT_NAME } from "@/lib/authz/pipeline";

const ROOTS = ["app", "lib", "components"].map((dir) => path.join(process.cwd(), dir));
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE.test(entry.name) && !TEST.test(entry.name) ? [full] : [];
  });
}

/** A module whose first statement is the "use server" directive: every export is a callable server action. */
function isServerActionModule(file: string): boolean {
  const code = readFileSync(file, "utf8").replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(code);
}

const isRouteFile = (file: string) => path.basename(file) === "route.ts" && file.startsWith(path.join(process.cwd(), "app") + path.sep);

/**
 * Every server action and route handler the app exports, found in the code rather than listed by hand:
 * each "use server" module, whatever its name or folder, and every route.ts under app/.
 */
export async function discoverEndpoints(): Promise<{ file: string; exportName: string; name: string | undefined }[]> {
  const files = ROOTS.flatMap(sourceFiles).filter((file) => isServerActionModule(file) || isRouteFile(file));
  const found = [];
  for (const file of files) {
    // Auth.js owns its own route; everything else must go through lib/authz.
    if (file.includes(`${path.sep}api${path.sep}auth${path.sep}`)) continue;
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      found.push({ file: path.relative(process.cwd(), file), exportName, name: (value as { [ENDPOINT_NAME]?: string })[ENDPOINT_NAME] });
    }
  }
  return found;
}
