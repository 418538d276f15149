import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { runInTransactionScope } from "@/lib/db/transaction-scope";
import { Refusal, type ActionResult, type RefusalCode, type RefusalHelp } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { messageText } from "@/lib/i18n/translator";
import { NUL_MESSAGE } from "@/lib/schemas";
import { API_KEY_FAILURE_MESSAGE, loadApiKeyContext } from "./api-key";
import { lacksRequiredTwoFactor, loadWorkspaceContext, toWorkspaceContext, twoFactorSetupPath } from "./context";
import { PERMISSIONS, type PermissionKey } from "./permissions";
import { platformAdminFor } from "./platform";
import { registerEndpoint, type EndpointKind } from "./registry";
import { currentSessionId, membershipRowFor, requestIp, requestOrigin, requestUserAgent, sessionAccount } from "./session";
import type { RateLimitOutcome } from "@/lib/rate-limits/service";
import type { SessionAccount } from "@/lib/sessions/queries";
import type { ApiKeyIdentity, Caller, CallerOf, RequestMeta, Scope, TransactionHooks, WorkspaceAudit, WorkspaceCaller } from "./types";

/**
 * The one pipeline every entry point is built from: server actions, route handlers and API routes.
 * Each step is written once, here, and runs in this order, so no entry point can forget one or run
 * its handler before the caller was checked:
 *   authenticate → load the member (workspace scope) → require the permission → parse the input
 *   → run the handler (in a transaction with audit and after-commit hooks, for actions)
 *   → settle into an ActionResult (server action) or a Response (route handler).
 */

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** Set on every function the pipeline builds, so a test can prove each exported entry point came from it. */
export const ENDPOINT_NAME = Symbol.for("workspaces.endpointName");

export interface EndpointDef<S extends Scope, I extends z.ZodType> {
  /** Unique, stable: the authorization matrix has one row per name. */
  name: string;
  scope: S;
  /** For the workspace scope: the key the caller must hold, or "member" for any member. */
  permission?: PermissionKey | "member";
  input: I;
}

export function tagged<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return Object.assign(fn, { [ENDPOINT_NAME]: name });
}

/** Registers the entry point with the registry the authorization matrix reads. */
export function declareEndpoint<S extends Scope, I extends z.ZodType>(kind: EndpointKind, def: EndpointDef<S, I>): void {
  if (def.scope === "workspace" && !def.permission) throw new Error(`${def.name}: a workspace entry point declares its permission`);
  registerEndpoint({ name: def.name, kind, scope: def.scope, ...(def.permission ? { permission: def.permission } : {}) });
}

// Step 1: who is asking. Sessions today; API keys join here.
// The same statement brings the membership of the workspace the posting page belongs to (its path's
// slug), which step 2 uses when the entry point works on that workspace: one round trip for both.
async function authenticate(): Promise<SessionAccount> {
  const account = await sessionAccount();
  if (!account) throw new Refusal("UNAUTHENTICATED", messageKey("errors.authz.sessionEnded"));
  return account;
}

// Step 2: the member, read from the database; a missing workspace and a non-member answer alike. A
// member without the second factor the workspace requires is refused here, before any permission or
// handler, so no action or route can forget it (the pages redirect in requireMember).
async function loadMember(account: SessionAccount, slug: string | null) {
  const member = typeof slug === "string" ? await memberOf(account, slug) : null;
  if (!member) throw new Refusal("NOT_FOUND", messageKey("errors.authz.workspaceNotFound"));
  if (lacksRequiredTwoFactor(member)) {
    throw new Refusal(
      "FORBIDDEN",
      messageKey("errors.authz.twoFactorRequired", { workspace: member.workspace.name }),
    ).withHelp({ label: messageKey("errors.authz.twoFactorSetup"), href: twoFactorSetupPath(member.workspace.slug) });
  }
  return member;
}

// Step 3: the declared permission.
function requirePermission(
  can: (key: PermissionKey) => boolean,
  permission: PermissionKey | "member" | undefined,
  refusal = (_key: PermissionKey) => messageKey("errors.authz.forbidden"),
): void {
  if (permission && permission !== "member" && !can(permission)) {
    throw new Refusal("FORBIDDEN", refusal(permission)).missing(permission);
  }
}

async function memberOf(account: SessionAccount, slug: string) {
  const row = membershipRowFor(account, slug);
  if (row !== undefined) return row ? toWorkspaceContext(row) : null;
  return loadWorkspaceContext(account.userId, slug);
}

const keyLacks = (key: PermissionKey) =>
  `This API key lacks the permission "${key}" (${PERMISSIONS[key].label}): its creator does not hold it${key === "api.use" ? "" : ", or the key is read-only"}.`;

/** Steps 1 to 3 for the declared scope: the caller, checked, before anything else runs. */
export async function authorize<S extends Scope>(def: EndpointDef<S, z.ZodType>, slug: string | null): Promise<CallerOf<S>> {
  // The session is read before anything else is awaited: the caller is fixed at the request's start.
  const session = def.scope === "public" ? null : authenticate();
  // Awaited below; marked handled now so a refusal can't surface as an unhandled rejection meanwhile.
  session?.catch(() => {});
  const [ip, userAgent, sessionId] = await Promise.all([requestIp(), requestUserAgent(), currentSessionId()]);
  const meta: RequestMeta = { ip, userAgent, sessionId, origin: requestOrigin };
  const caller = await callerFor(def, slug, meta, session);
  return caller as CallerOf<S>;
}

async function callerFor(
  def: EndpointDef<Scope, z.ZodType>,
  slug: string | null,
  meta: RequestMeta,
  session: Promise<SessionAccount> | null,
): Promise<Caller> {
  if (def.scope === "public") return { scope: "public", ...meta };
  // authorize started it for every scope but "public".
  const account = await session!;
  const userId = account.userId;
  const actor = { userId, ip: meta.ip };
  switch (def.scope) {
    case "user":
      return { scope: "user", ...meta, userId, actor };
    case "platform": {
      const admin = await platformAdminFor(userId);
      if (!admin) throw new Refusal("FORBIDDEN", messageKey("errors.authz.platformOnly"));
      return { scope: "platform", ...meta, admin, actor };
    }
    case "workspace": {
      const member = await loadMember(account, slug);
      requirePermission(member.can, def.permission);
      return { ...member, scope: "workspace", ...meta, actor };
    }
  }
}

/**
 * Steps 1 to 3 for an API request: the Bearer key instead of a session, then the same membership (the
 * key's creator's, read now), the same 2FA rule and the same permission table. The key must hold
 * api.use as well as the operation's permission, so a Viewer's key, or one whose creator became a
 * Viewer, is refused whatever it asks.
 */
export async function authorizeApiKey(
  def: EndpointDef<"workspace", z.ZodType>,
  authorization: string | null,
  /**
   * Runs once the key is known and before any permission is checked, with the request's place in the
   * key's rate-limit window (counted by the same statement that found the key): the per-key rate limit.
   */
  limitKey: (key: ApiKeyIdentity, outcome: RateLimitOutcome) => void,
): Promise<WorkspaceCaller> {
  const found = await loadApiKeyContext(authorization);
  if (!found.ok) throw new Refusal("UNAUTHENTICATED", API_KEY_FAILURE_MESSAGE[found.failure]);
  const { key, member } = found;
  limitKey(key, found.rateLimit);
  if (lacksRequiredTwoFactor(member)) {
    throw new Refusal("FORBIDDEN", `${member.workspace.name} requires two-factor authentication, and this key's creator has none.`);
  }
  requirePermission(member.can, "api.use", keyLacks);
  requirePermission(member.can, def.permission, keyLacks);
  const [ip, userAgent] = await Promise.all([requestIp(), requestUserAgent()]);
  return { ...member, scope: "workspace", ip, userAgent, sessionId: null, origin: requestOrigin, actor: { userId: member.user.id, ip }, apiKey: key };
}

// Step 4: the input, parsed with the same zod schema the form uses; field errors keyed by path.
export function parseInput<I extends z.ZodType>(schema: I, rawInput: unknown): z.output<I> {
  // A NUL reaching PostgreSQL is an error from the database, not a refusal: refuse it here whatever a
  // schema forgot (lib/schemas.ts text() is the schema-level guard with the same words).
  const nul = pathOfNul(rawInput);
  if (nul !== null) throw new Refusal("INVALID", messageKey("errors.authz.fieldsNeedAttention"), { [nul || "_form"]: NUL_MESSAGE });
  const parsed = schema.safeParse(rawInput);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  throw new Refusal("INVALID", messageKey("errors.authz.fieldsNeedAttention"), fieldErrors);
}

/** The path of the first string holding a NUL in plain input (objects, arrays, FormData), or null. */
function pathOfNul(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\0") ? path : null;
  if (depth > 8 || value === null || typeof value !== "object") return null;
  const entries: [string, unknown][] = value instanceof FormData ? [...value.entries()] : Object.entries(value);
  for (const [key, child] of entries) {
    const found = pathOfNul(child, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

type Transactional<C extends Caller> = C & TransactionHooks & (C extends WorkspaceCaller ? WorkspaceAudit : unknown);

// Step 5: the handler, in one transaction; after-commit tasks run once it committed.
export async function transact<C extends Caller, T>(caller: C, run: (ctx: Transactional<C>) => Promise<T>): Promise<T> {
  const tasks: (() => Promise<void>)[] = [];
  const committed: (() => void)[] = [];
  const result = await db().$transaction((tx) => runInTransactionScope(() => {
    const hooks: TransactionHooks = { tx, afterCommit: (task) => void tasks.push(task) };
    const audit: WorkspaceAudit | null =
      caller.scope === "workspace"
        ? {
            audit: (event) =>
              recordAudit(tx, { ...event, workspaceId: caller.workspace.id, actorId: caller.user.id, ip: caller.ip, apiKeyId: caller.apiKey?.id ?? null }),
          }
        : null;
    return run({ ...caller, ...hooks, ...audit } as Transactional<C>);
  }, committed), TRANSACTION_OPTIONS);
  for (const task of committed) task();
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      console.error("[after-commit]", error);
    }
  }
  return result;
}

// Step 6a: settle into the typed result a server action returns; a Refusal is the user's to read.
export async function settleResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof Refusal) {
      return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors, ...(error.help ? { help: error.help } : {}) };
    }
    console.error("[action]", error);
    return { ok: false, code: "INTERNAL", error: messageKey("errors.authz.internal") };
  }
}

const STATUS: Record<RefusalCode, number> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID: 400,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  LIMIT: 429,
  INTERNAL: 500,
};

const TITLE: Record<RefusalCode, string> = {
  UNAUTHENTICATED: "Unauthorized",
  NOT_FOUND: "Not Found",
  FORBIDDEN: "Forbidden",
  INVALID: "Bad Request",
  CONFLICT: "Conflict",
  UNPROCESSABLE: "Unprocessable Content",
  LIMIT: "Too Many Requests",
  INTERNAL: "Internal Server Error",
};

/**
 * An RFC 9457 problem document; `code`, `errors`, `permission` and `help` are this API's extension
 * members. A 401 names the Bearer scheme (RFC 6750) so a client knows what to send.
 */
export function problem(
  code: RefusalCode,
  detail: string,
  extra: { fieldErrors?: Record<string, string>; retryAfterSeconds?: number; help?: RefusalHelp; permission?: string; headers?: HeadersInit } = {},
): Response {
  const headers = new Headers(extra.headers);
  headers.set("content-type", "application/problem+json");
  headers.set("cache-control", "no-store");
  if (extra.retryAfterSeconds) headers.set("retry-after", String(extra.retryAfterSeconds));
  if (code === "UNAUTHENTICATED") headers.set("www-authenticate", 'Bearer realm="api"');
  return Response.json(
    {
      type: "about:blank",
      title: TITLE[code],
      status: STATUS[code],
      // Refusals may carry catalog keys (lib/i18n/message-key.ts); an API client reads English words.
      detail: messageText(detail),
      code,
      ...(extra.fieldErrors ? { errors: Object.fromEntries(Object.entries(extra.fieldErrors).map(([field, message]) => [field, messageText(message)])) } : {}),
      ...(extra.permission ? { permission: extra.permission } : {}),
      ...(extra.help ? { help: { ...extra.help, label: messageText(extra.help.label) } } : {}),
    },
    { status: STATUS[code], headers },
  );
}

// Step 6b: settle into a Response for a route handler; refusals become problem documents.
export async function settleResponse(run: () => Promise<Response>, headers?: () => HeadersInit): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof Refusal) {
      return problem(error.code, error.message, {
        fieldErrors: error.fieldErrors,
        retryAfterSeconds: error.retryAfterSeconds,
        help: error.help,
        permission: error.permission,
        headers: headers?.(),
      });
    }
    console.error("[route]", error);
    return problem("INTERNAL", "Something went wrong.", { headers: headers?.() });
  }
}
