import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * How `npm start` runs the production server, for the e2e server, the two-instance test and the benchmark:
 * the arguments after `node` (the standalone server and its V8 heap cap), without npm as a parent process
 * that would hold a port's lifetime and count in the measured memory. The standalone server takes no
 * flags: it listens on PORT and HOSTNAME from its environment (`env` below), and changes directory into
 * .next/standalone before it serves anything.
 */
export function nextStart(port: number | string, hostname = "127.0.0.1"): { args: string[]; env: Record<string, string> } {
  const pkg = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  // Leading NAME=value words are the server's environment (MALLOC_ARENA_MAX), as the shell reads them.
  const assignments: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift()!.split("=");
    assignments[name!] = value.join("=");
  }
  const [command, ...args] = words;
  if (command !== "node") throw new Error(`npm start must run node directly, not ${command}`);
  // Relative to the project root, where `npm start` runs; absolute, so a caller may spawn it from anywhere.
  const script = args.findIndex((arg) => arg.endsWith(".js"));
  if (script >= 0) args[script] = path.resolve(process.cwd(), args[script]!);
  return { args, env: { ...assignments, PORT: String(port), HOSTNAME: hostname } };
}
