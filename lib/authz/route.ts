import "server-only";
import { unstable_rethrow } from "next/navigation";
import { Refusal, type RefusalCode } from "@/lib/errors";
import { tagged } from "./action";
import { loadWorkspaceContext, type WorkspaceContext } from "./context";
import type { PermissionKey } from "./permissions";
import { registerAction } from "./registry";
import { sessionUserId } from "./session";

const STATUS: Record<RefusalCode, number> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID: 400,
  CONFLICT: 409,
  LIMIT: 429,
  INTERNAL: 500,
};

function refusal(code: RefusalCode, message: string): Response {
  return Response.json({ error: message, code }, { status: STATUS[code], headers: { "cache-control": "no-store" } });
}

/**
 * A route handler inside one workspace, guarded exactly like a server action: session, membership
 * read from the database (a non-member gets the same 404 as a missing workspace), then the declared
 * permission, before the handler runs.
 */
export function workspaceRoute<P extends { workspaceSlug: string }>(
  def: { name: string; permission: PermissionKey | "member" },
  handler: (ctx: WorkspaceContext, params: P, request: Request) => Promise<Response>,
) {
  registerAction({ name: def.name, scope: "route", permission: def.permission });
  return tagged(def.name, async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const resolved = await params;
      const userId = await sessionUserId();
      if (!userId) return refusal("UNAUTHENTICATED", "Sign in first.");
      const ctx = await loadWorkspaceContext(userId, resolved.workspaceSlug);
      if (!ctx) return refusal("NOT_FOUND", "That workspace was not found.");
      if (def.permission !== "member" && !ctx.can(def.permission)) {
        return refusal("FORBIDDEN", "You don't have permission to do that in this workspace.");
      }
      return await handler(ctx, resolved, request);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof Refusal) return refusal(error.code, error.message);
      console.error("[route]", error);
      return refusal("INTERNAL", "Something went wrong.");
    }
  });
}

/** A route handler for any signed-in user, outside a workspace: the handler scopes what it reads by the user's id. */
export function userRoute(def: { name: string }, handler: (userId: string, request: Request) => Promise<Response>) {
  registerAction({ name: def.name, scope: "user" });
  return tagged(def.name, async (request: Request): Promise<Response> => {
    try {
      const userId = await sessionUserId();
      if (!userId) return refusal("UNAUTHENTICATED", "Sign in first.");
      return await handler(userId, request);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof Refusal) return refusal(error.code, error.message);
      console.error("[route]", error);
      return refusal("INTERNAL", "Something went wrong.");
    }
  });
}

/**
 * A route anyone may call (webhooks): it proves itself with a signature the handler checks, not with
 * a session. Registered like every other endpoint so the authorization matrix lists it.
 */
export function publicRoute(def: { name: string }, handler: (request: Request) => Promise<Response>) {
  registerAction({ name: def.name, scope: "public" });
  return tagged(def.name, async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof Refusal) return refusal(error.code, error.message);
      console.error("[route]", error);
      return refusal("INTERNAL", "Something went wrong.");
    }
  });
}
