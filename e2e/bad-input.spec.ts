import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import fc from "fast-check";
import { NASTY_STRINGS } from "../tests/support/nasty-input";
import { DEMO, signedIn } from "./support";

/**
 * Bad input never answers 500: every page (and every GET route handler) of the app, with arbitrary search
 * parameters, and every dynamic path segment filled with an arbitrary string, answers anything but a
 * 5xx. The pages are read from app/ itself, so a new page is covered the day it lands.
 */

/** Bounded so the whole file runs in about a minute on two workers. */
const RUNS_PER_PAGE = 15;
const PATH_RUNS = 100;

/** A route file's URL pattern: route groups dropped, dynamic segments kept as [name]. */
function routesIn(dir: string, file: "page.tsx" | "route.ts", prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === file ? [prefix || "/"] : [];
    if (!entry.isDirectory()) return [];
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return routesIn(path.join(dir, entry.name), file, `${prefix}${segment}`);
  });
}

const APP = path.join(process.cwd(), "app");
const PAGES = routesIn(APP, "page.tsx").sort();
// Auth.js owns /api/auth (lib/auth); the others are GET-able or answer 405.
const ROUTES = routesIn(APP, "route.ts")
  .filter((route) => !route.startsWith("/api/auth/"))
  .sort();

type Segments = Record<string, string>;

let segmentsOnce: Promise<Segments> | undefined;

/** Real values for each dynamic segment from the demo data (read once per worker), so a page renders past its lookup. */
function demoSegments(request: APIRequestContext): Promise<Segments> {
  segmentsOnce ??= readDemoSegments(request);
  return segmentsOnce;
}

async function readDemoSegments(request: APIRequestContext): Promise<Segments> {
  const firstMatch = async (url: string, pattern: RegExp, fallback: string) => {
    const html = await (await request.get(url)).text();
    return pattern.exec(html)?.[1] ?? fallback;
  };
  const instanceId = await firstMatch("/acme/instances", /href="\/acme\/instances\/([\w-]+)"/, "no-instance");
  const [projectId, backupId] = await Promise.all([
    firstMatch("/acme/projects", /href="\/acme\/projects\/([\w-]+)"/, "no-project"),
    firstMatch(`/acme/instances/${instanceId}/backups`, /\/backups\/([\w-]+)\/download/, "no-backup"),
  ]);
  return {
    workspaceSlug: "acme", // DEMO owns it
    instanceId,
    projectId,
    backupId,
    // Read by the permissions modal from the route, not linked from a page: a missing one still parses the query.
    membershipId: "no-membership",
    // An invoice's PDF: the demo has none until an upgrade; a missing one is a 404 either way.
    invoiceId: "no-invoice",
    token: "not-a-real-invitation-token-0123456789",
    // The public API's catch-all: without a key every path answers 401 (its own fuzzing, with a key, is in lib/api).
    "...path": "members",
  };
}

function fill(pattern: string, segments: Segments, arbitrary?: { name: string; value: string }): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => {
    const value = arbitrary?.name === name ? arbitrary.value : segments[name];
    if (value === undefined) throw new Error(`${pattern}: no demo value for [${name}]; add one to demoSegments`);
    return encodeURIComponent(value);
  });
}

const NASTY = NASTY_STRINGS;

const value = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 10 }).map((s) => `${s}\0${s}`),
  fc.bigInt().map(String),
  fc.double().map(String),
);
// The names the pages read, and anything else.
const key = fc.oneof(
  fc.constantFrom("q", "page", "from", "to", "who", "action", "actor", "before", "after", "type", "kind", "resource", "callbackUrl", "invitation"),
  fc.string({ unit: "binary", maxLength: 12 }),
);
/** A query: each key once, or repeated (a page then receives an array). */
const query = fc.dictionary(key, fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })), { maxKeys: 5, noNullPrototype: true });

function search(params: Record<string, string | string[]>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
  const text = out.toString();
  return text ? `?${text}` : "";
}

async function statusOf(request: APIRequestContext, url: string): Promise<number> {
  // Redirects are answers too (sign-in to a callback, settings to its first tab); where they lead is another page here.
  const response = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  return response.status();
}

async function ownerRequest(browser: Browser): Promise<APIRequestContext> {
  const page = await signedIn(browser, DEMO.email);
  return page.context().request;
}

test.describe("bad input never answers 500", () => {
  test("the three reported URLs answer, not fail", async ({ browser }) => {
    const request = await ownerRequest(browser);
    for (const url of ["/acme/settings/members?q=%00", "/acme/settings/audit?from=0000-01-01", "/acme/instances?page=99999999999999999999"]) {
      expect([200, 404], url).toContain(await statusOf(request, url));
    }
  });

  test("every page and route is listed from app/", () => {
    expect(PAGES).toContain("/[workspaceSlug]/settings/members");
    expect(PAGES).toContain("/invite/[token]");
    expect(PAGES).not.toContain("/(auth)/sign-in");
    expect(ROUTES).toContain("/[workspaceSlug]/settings/audit/export");
  });

  for (const pattern of [...PAGES, ...ROUTES]) {
    test(`${pattern}: arbitrary search parameters`, async ({ browser }) => {
      const request = await ownerRequest(browser);
      const segments = await demoSegments(request);
      const base = fill(pattern, segments);
      await fc.assert(
        fc.asyncProperty(query, async (params) => {
          const url = `${base}${search(params)}`;
          const status = await statusOf(request, url);
          expect(status, `GET ${url.slice(0, 300)}`).toBeLessThan(500);
        }),
        { numRuns: RUNS_PER_PAGE },
      );
    });
  }

  const dynamic = [...PAGES, ...ROUTES].flatMap((pattern) => [...pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => ({ pattern, name: m[1]! })));

  test("arbitrary strings as path segments", async ({ browser }) => {
    const request = await ownerRequest(browser);
    const segments = await demoSegments(request);
    // Every dynamic segment of every page and route: /acme/instances/<s>, /acme/projects/<s>, /invite/<s>, /<s>/settings…
    // Never empty: "//settings" would be read as a host name and looked up instead of asked of the app.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...dynamic), fc.oneof(fc.constantFrom(...NASTY.filter(Boolean)), fc.string({ unit: "binary", minLength: 1, maxLength: 40 })), async (slot, text) => {
        const url = fill(slot.pattern, segments, { name: slot.name, value: text });
        const status = await statusOf(request, url);
        expect(status, `GET ${url.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: PATH_RUNS },
    );
  });

  test("the slug, instance, project and invitation segments with NUL and 10,000 characters", async ({ browser }) => {
    const request = await ownerRequest(browser);
    const segments = await demoSegments(request);
    for (const pattern of ["/acme/instances/[s]", "/acme/projects/[s]", "/invite/[s]", "/[s]/settings", "/[s]"]) {
      for (const text of ["\0", `${segments.instanceId}\0`, "x".repeat(10_000), "99999999999999999999"]) {
        const url = fill(pattern, segments, { name: "s", value: text });
        expect(await statusOf(request, url), `GET ${url.slice(0, 300)}`).toBeLessThan(500);
      }
    }
  });
});
