import "server-only";
import { z } from "zod";
import { authorize, declareEndpoint, parseInput, settleResponse, tagged, type EndpointDef } from "./pipeline";
import type { PermissionKey } from "./permissions";
import type { PublicCaller, Scope, UserCaller, WorkspaceCaller } from "./types";

/**
 * Route handler factories over the same pipeline as server actions. The input is parsed from the
 * query string and the path's parameters (parameters win), so a bad query answers 400, never 500.
 * Handlers read; a route that writes opens its own transaction through its domain's service.
 */

interface RouteCallerOf {
  public: PublicCaller;
  user: UserCaller;
  workspace: WorkspaceCaller;
  platform: never;
}

type Params = Record<string, string | string[] | undefined>;
type RouteHandler<S extends Scope, I extends z.ZodType> = (ctx: RouteCallerOf[S], input: z.output<I>, request: Request) => Promise<Response>;

const NO_INPUT = z.object({}).passthrough();

function routeHandler<S extends Scope, I extends z.ZodType>(def: EndpointDef<S, I>, handler: RouteHandler<S, I>) {
  declareEndpoint("route", def);
  return tagged(def.name, async (request: Request, context?: { params?: Promise<Params> }): Promise<Response> =>
    settleResponse(async () => {
      const params = (await context?.params) ?? {};
      const slug = typeof params.workspaceSlug === "string" ? params.workspaceSlug : null;
      const caller = await authorize(def, slug);
      const input = parseInput(def.input, { ...Object.fromEntries(new URL(request.url).searchParams), ...params });
      return handler(caller as unknown as RouteCallerOf[S], input, request);
    }),
  );
}

/** A route handler inside one workspace, checked exactly like a server action. */
export function workspaceRoute<I extends z.ZodType = typeof NO_INPUT>(
  def: { name: string; permission: PermissionKey | "member"; input?: I },
  handler: RouteHandler<"workspace", I>,
) {
  return routeHandler({ ...def, scope: "workspace", input: (def.input ?? NO_INPUT) as I }, handler);
}

/** A route for any signed-in user, outside a workspace: the handler scopes what it reads by the user's id. */
export function userRoute<I extends z.ZodType = typeof NO_INPUT>(def: { name: string; input?: I }, handler: RouteHandler<"user", I>) {
  return routeHandler({ ...def, scope: "user", input: (def.input ?? NO_INPUT) as I }, handler);
}

/**
 * A route anyone may call (webhooks): it proves itself with a signature the handler checks, not with
 * a session. Registered like every other endpoint so the authorization matrix lists it.
 */
export function publicRoute<I extends z.ZodType = typeof NO_INPUT>(def: { name: string; input?: I }, handler: RouteHandler<"public", I>) {
  return routeHandler({ ...def, scope: "public", input: (def.input ?? NO_INPUT) as I }, handler);
}
