import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The arguments after `node` in `npm start`, plus `extra`: the e2e server and the benchmark run the
 * production server exactly as `npm start` does (its V8 heap cap included), without npm as a parent
 * process that would hold a port's lifetime and count in the measured memory.
 */
export function nextStartArgs(...extra: string[]): string[] {
  const pkg = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== "node") throw new Error(`npm start must run node directly, not ${command}`);
  return [...args, ...extra];
}
