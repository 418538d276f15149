// The last step of `npm run build`: `next build` with `output: "standalone"` writes a self-contained server
// to .next/standalone but leaves the browser's files out of it (Next expects a CDN or the deployer to copy
// them). Copied here, the folder runs on its own: `node .next/standalone/server.js`, or the Docker image.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next/standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error("No .next/standalone/server.js: run `next build` first (next.config.ts sets output: \"standalone\").");
  process.exit(1);
}
for (const [from, to] of [
  [".next/static", ".next/standalone/.next/static"],
  ["public", ".next/standalone/public"],
]) {
  const source = path.join(root, from);
  if (!existsSync(source)) continue;
  const target = path.join(root, to);
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
}
