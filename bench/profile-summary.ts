// Summarises a V8 .cpuprofile (node --cpu-prof) into where the time went: self time by function and by
// module (a package, one of the app's server chunks, node's internals), within a window of the profile.
// `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]` prints it for any profile.
import { readFileSync } from "node:fs";
import path from "node:path";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Milliseconds the profile covers, and the window summarised (the load, without start-up and shutdown). */
  profileMs: number;
  windowMs: number;
  /** Of the window: not running JavaScript (waiting for the database or the network), garbage collection. */
  idleMs: number;
  gcMs: number;
  busyMs: number;
  functions: { name: string; location: string; module: string; selfMs: number; percentOfBusy: number }[];
  modules: { module: string; selfMs: number; percentOfBusy: number }[];
}

/**
 * The module a frame belongs to: the npm package (`next`, `@prisma/client`, `react-dom`), the app's own
 * bundled server chunk, or a node internal. The production build bundles most code into
 * .next/server/chunks, so "app chunk" names the chunk; its top functions say what is inside.
 */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const file = url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file);
  if (pkg) {
    // Next ships React, react-dom and its own server runtime precompiled in one folder: name the file.
    if (pkg[1] === "next" && pkg[2]!.includes("/compiled/")) return `next/compiled/${pkg[2]!.split("/compiled/")[1]!.split("/")[0]}`;
    return pkg[1]!;
  }
  const chunk = /\.next\/server\/(.*)$/.exec(file);
  if (chunk) return `app chunk ${chunk[1]}`;
  return path.basename(file);
}

/** Self time per node in the window [fromMs, toMs) from the profile's start (every sample when omitted). */
export function summarise(profile: CpuProfile, window?: { fromMs: number; toMs: number }, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  let windowMicros = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    const ms = at / 1000;
    if (window && (ms < window.fromMs || ms >= window.toMs)) continue;
    // A sample's time is the gap to the next sample.
    const spent = profile.timeDeltas[i + 1] ?? 0;
    windowMicros += spent;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + spent);
  }
  const functions = new Map<string, { name: string; location: string; module: string; micros: number }>();
  const modules = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id)!;
    const name = callFrame.functionName || "(anonymous)";
    if (name === "(idle)" || name === "(program)") {
      // (program) is V8 outside JavaScript: mostly the event loop waiting, native I/O and compilation.
      idle += micros;
      continue;
    }
    if (name === "(garbage collector)") gc += micros;
    const module = moduleOf(callFrame.url, name);
    const location = callFrame.url ? `${callFrame.url.replace(/^file:\/\/.*?\/(node_modules|\.next)\//, "$1/")}:${callFrame.lineNumber + 1}` : "";
    const key = `${name}@${location}`;
    const entry = functions.get(key) ?? { name, location, module, micros: 0 };
    entry.micros += micros;
    functions.set(key, entry);
    modules.set(module, (modules.get(module) ?? 0) + micros);
  }
  const busy = windowMicros - idle;
  const ms = (micros: number) => Math.round(micros / 100) / 10;
  const percent = (micros: number) => (busy > 0 ? Math.round((micros / busy) * 1000) / 10 : 0);
  return {
    profileMs: ms(profile.endTime - profile.startTime),
    windowMs: ms(windowMicros),
    idleMs: ms(idle),
    gcMs: ms(gc),
    busyMs: ms(busy),
    functions: [...functions.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, top)
      .map((f) => ({ name: f.name, location: f.location, module: f.module, selfMs: ms(f.micros), percentOfBusy: percent(f.micros) })),
    modules: [...modules.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([module, micros]) => ({ module, selfMs: ms(micros), percentOfBusy: percent(micros) })),
  };
}

export function summaryMarkdown(s: ProfileSummary): string {
  return [
    `Profile ${s.profileMs} ms; window ${s.windowMs} ms: busy ${s.busyMs} ms (of which GC ${s.gcMs} ms), idle or outside JavaScript ${s.idleMs} ms.`,
    "",
    "| module | self ms | % of busy |",
    "| --- | ---: | ---: |",
    ...s.modules.map((m) => `| ${m.module} | ${m.selfMs} | ${m.percentOfBusy} |`),
    "",
    "| function | module | location | self ms | % of busy |",
    "| --- | --- | --- | ---: | ---: |",
    ...s.functions.map((f) => `| ${f.name} | ${f.module} | ${f.location} | ${f.selfMs} | ${f.percentOfBusy} |`),
  ].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  console.log(summaryMarkdown(summarise(profile, undefined, Number(process.argv[3] ?? 20))));
}
