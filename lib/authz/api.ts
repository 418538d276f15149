import "server-only";
import { z } from "zod";
import { claimIdempotencyKey, readIdempotencyKey, requestFingerprint, storeIdempotentResponse, type StoredResponse } from "@/lib/api/idempotency";
import { Refusal } from "@/lib/errors";
import type { RateLimitOutcome } from "@/lib/rate-limits/service";
import { authorizeApiKey, declareEndpoint, parseInput, settleResponse, tagged, transact } from "./pipeline";
import type { PermissionKey } from "./permissions";
import type { WorkspaceActionContext, WorkspaceCaller } from "./types";

/**
 * The public API's operations (/api/v1), built on the same pipeline as server actions: a Bearer key
 * instead of a session, then the key creator's membership, the permission table, zod input, one
 * transaction with audit for writes, and RFC 9457 problem documents for every refusal. Each operation
 * also describes itself (path, schemas, summary), which is what the OpenAPI document is made of, so
 * the document and the code cannot disagree.
 */

export type ApiMethod = "GET" | "POST" | "PATCH" | "DELETE";
type Schema = z.ZodType;
type Shape = z.ZodObject;
type Output<S> = S extends Schema ? z.output<S> : Record<string, never>;

export interface ApiOperationSpec {
  /** Stable and unique; the operationId in the OpenAPI document and the row in the authorization matrix. */
  name: string;
  method: ApiMethod;
  /** Under /api/v1, OpenAPI style: "/members/{membershipId}". */
  path: `/${string}`;
  tag: string;
  summary: string;
  description?: string;
  permission: PermissionKey | "member";
  params?: Shape;
  query?: Shape;
  body?: Schema;
  /** The response body's schema; null for 204 No Content. */
  response: Schema | null;
  status?: 200 | 201 | 204;
}

export interface ApiOperation {
  spec: ApiOperationSpec;
  run(request: Request, pathParams: Record<string, string>): Promise<Response>;
}

interface Input<P, Q, B> {
  params: Output<P>;
  query: Output<Q>;
  body: Output<B>;
}

const NOTHING = z.object({});
const MAX_BODY_BYTES = 100_000;

/** The RateLimit fields (draft-ietf-httpapi-ratelimit-headers) for one key's window. */
function rateLimitHeaders(outcome: RateLimitOutcome): Record<string, string> {
  return {
    "ratelimit-policy": `"per-key";q=${outcome.limit};w=60`,
    ratelimit: `"per-key";r=${outcome.remaining};t=${outcome.retryAfterSeconds}`,
  };
}

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new Refusal("INVALID", `The request body is larger than ${MAX_BODY_BYTES / 1000} kB.`);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal("INVALID", "The request body is not valid JSON.");
  }
}

function jsonResponse(stored: StoredResponse, headers: Record<string, string>): Response {
  const all = { ...headers, "cache-control": "no-store" };
  if (stored.status === 204) return new Response(null, { status: 204, headers: all });
  return Response.json(stored.body, { status: stored.status, headers: all });
}

function build<P extends Shape | undefined, Q extends Shape | undefined, B extends Schema | undefined>(
  spec: ApiOperationSpec,
  handle: (caller: WorkspaceCaller, input: Input<P, Q, B>, request: Request) => Promise<{ stored: StoredResponse; replayed: boolean }>,
): ApiOperation {
  declareEndpoint("api", { name: spec.name, scope: "workspace", permission: spec.permission, input: NOTHING });
  const run = async (request: Request, pathParams: Record<string, string>) => {
    let headers: Record<string, string> = {};
    return settleResponse(
      async () => {
        const caller = await authorizeApiKey(
          { name: spec.name, scope: "workspace", permission: spec.permission, input: NOTHING },
          request.headers.get("authorization"),
          (_key, outcome) => {
            headers = rateLimitHeaders(outcome);
            if (!outcome.allowed) {
              throw new Refusal("LIMIT", `This key sent more than ${outcome.limit} requests in a minute. Try again in ${outcome.retryAfterSeconds} s.`).retryAfter(
                outcome.retryAfterSeconds,
              );
            }
          },
        );
        const input = {
          params: parseInput(spec.params ?? NOTHING, pathParams),
          query: parseInput(spec.query ?? NOTHING, Object.fromEntries(new URL(request.url).searchParams)),
          body: spec.body ? parseInput(spec.body, await readJsonBody(request)) : {},
        } as Input<P, Q, B>;
        const { stored, replayed } = await handle(caller, input, request);
        return jsonResponse(stored, replayed ? { ...headers, "idempotent-replayed": "true" } : headers);
      },
      () => headers,
    );
  };
  return { spec, run: tagged(spec.name, run) };
}

function settle(spec: ApiOperationSpec, data: unknown): StoredResponse {
  const status = spec.status ?? 200;
  if (!spec.response || status === 204) return { status: 204, body: null };
  // Parsed through the documented schema: what leaves is exactly what the document promises, and a
  // field a query happened to select never leaks. Dates become ISO strings in JSON.
  return { status, body: JSON.parse(JSON.stringify(spec.response.parse(data))) };
}

/** An operation that reads: no transaction, the caller's context as the pages have it. */
export function apiRead<P extends Shape | undefined = undefined, Q extends Shape | undefined = undefined, R extends Schema = Schema>(
  spec: Omit<ApiOperationSpec, "method" | "body" | "response" | "status"> & { params?: P; query?: Q; response: R },
  handler: (ctx: WorkspaceCaller, input: Input<P, Q, undefined>) => Promise<z.input<R>>,
): ApiOperation {
  const full: ApiOperationSpec = { ...spec, method: "GET" };
  return build<P, Q, undefined>(full, async (caller, input) => ({ stored: settle(full, await handler(caller, input)), replayed: false }));
}

/**
 * An operation that writes: the handler runs in one transaction with audit (the key and its creator
 * are the actor). A POST honours Idempotency-Key: the first response is stored with the change and a
 * retry replays it.
 */
export function apiWrite<
  P extends Shape | undefined = undefined,
  Q extends Shape | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | null = null,
>(
  spec: Omit<ApiOperationSpec, "method" | "response"> & { method: Exclude<ApiMethod, "GET">; params?: P; query?: Q; body?: B; response: R },
  handler: (ctx: WorkspaceActionContext, input: Input<P, Q, B>) => Promise<R extends Schema ? z.input<R> : void>,
): ApiOperation {
  const full: ApiOperationSpec = spec;
  return build<P, Q, B>(full, async (caller, input, request) => {
    const idempotencyKey = full.method === "POST" ? readIdempotencyKey(request.headers.get("idempotency-key")) : null;
    const apiKeyId = caller.apiKey!.id;
    const fingerprint = idempotencyKey ? requestFingerprint(full.method, new URL(request.url).pathname, input.body) : "";
    return transact(caller, async (ctx) => {
      if (idempotencyKey) {
        const earlier = await claimIdempotencyKey(ctx.tx, apiKeyId, idempotencyKey, fingerprint);
        if (earlier) return { stored: earlier, replayed: true };
      }
      const stored = settle(full, await handler(ctx, input));
      if (idempotencyKey) await storeIdempotentResponse(ctx.tx, apiKeyId, idempotencyKey, stored);
      return { stored, replayed: false };
    });
  });
}
