import { readdirSync } from "node:fs";
import path from "node:path";
import { ACTION_NAME } from "@/lib/authz/action";

const APP = path.join(process.cwd(), "app");

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** Every server action and route handler the app exports, found in the code rather than listed by hand. */
export async function discoverEndpoints(): Promise<{ file: string; exportName: string; name: string | undefined }[]> {
  // Auth.js owns its own route; everything else must go through lib/authz.
  const routeFiles = files(APP, "route.ts").filter((f) => !f.includes(`${path.sep}api${path.sep}auth${path.sep}`));
  const found = [];
  for (const file of [...files(APP, "actions.ts"), ...routeFiles]) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      found.push({ file: path.relative(process.cwd(), file), exportName, name: (value as { [ACTION_NAME]?: string })[ACTION_NAME] });
    }
  }
  return found;
}
