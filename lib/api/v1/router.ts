import "server-only";
import { problem, tagged } from "@/lib/authz/pipeline";
import type { ApiMethod, ApiOperation } from "@/lib/authz/api";
import { registerEndpoint } from "@/lib/authz/registry";
import { API_OPERATIONS } from "./operations";

export const API_BASE_PATH = "/api/v1";

interface Route {
  operation: ApiOperation;
  pattern: RegExp;
  names: string[];
}

/** "/members/{membershipId}" → a pattern matching one path segment per parameter. */
function compile(operation: ApiOperation): Route {
  const names: string[] = [];
  const source = operation.spec.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { operation, pattern: new RegExp(`^${source}/?$`), names };
}

const ROUTES = API_OPERATIONS.map(compile);

function match(method: string, path: string): { route: Route; params: Record<string, string> } | { allow: string[] } | null {
  const allow: string[] = [];
  for (const route of ROUTES) {
    const found = route.pattern.exec(path);
    if (!found) continue;
    if (route.operation.spec.method !== method) {
      allow.push(route.operation.spec.method);
      continue;
    }
    const params: Record<string, string> = {};
    try {
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
    } catch {
      return null;
    }
    return { route, params };
  }
  return allow.length > 0 ? { allow } : null;
}

/** Dispatches one request under /api/v1 to its operation; every answer that is not one is a problem document too. */
async function handleApiRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(API_BASE_PATH) ? url.pathname.slice(API_BASE_PATH.length) || "/" : url.pathname;
  const found = match(request.method, path);
  if (!found) return problem("NOT_FOUND", `There is no ${path} in this API. The reference lists every path: ${API_BASE_PATH}/reference`);
  if ("allow" in found) {
    const allow = found.allow.join(", ");
    return Response.json(
      { type: "about:blank", title: "Method Not Allowed", status: 405, detail: `${path} answers ${allow}, not ${request.method}.`, code: "INVALID" },
      { status: 405, headers: { "content-type": "application/problem+json", "cache-control": "no-store", allow } },
    );
  }
  return found.route.operation.run(request, found.params);
}

// The dispatcher itself checks nobody: each operation it hands a request to runs the pipeline with the key.
registerEndpoint({ name: "api.v1", kind: "route", scope: "public" });

/** The route handlers of app/api/v1/[...path]; the operations behind them are in API_OPERATIONS. */
export const apiHandlers: Record<ApiMethod, (request: Request) => Promise<Response>> = {
  GET: tagged("api.v1", handleApiRequest),
  POST: tagged("api.v1", handleApiRequest),
  PATCH: tagged("api.v1", handleApiRequest),
  DELETE: tagged("api.v1", handleApiRequest),
};
