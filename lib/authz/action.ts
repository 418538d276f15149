import "server-only";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { authorize, declareEndpoint, parseInput, settleResult, tagged, transact, type EndpointDef } from "./pipeline";
import type { PermissionKey } from "./permissions";
import type { PlatformActionContext, PublicCaller, Scope, UserActionContext, WorkspaceActionContext } from "./types";

/**
 * Server action factories: each declares its scope (and, in a workspace, its permission) and gets the
 * whole pipeline. The client-side signature is typed from the schema's input (`z.input`), so a wrong
 * call fails the type check; the server still parses whatever arrives.
 */

interface ActionContextOf {
  public: PublicCaller;
  user: UserActionContext;
  workspace: WorkspaceActionContext;
  platform: PlatformActionContext;
}

type Handler<S extends Scope, I extends z.ZodType, T> = (ctx: ActionContextOf[S], input: z.output<I>) => Promise<T>;

function serverAction<S extends Scope, I extends z.ZodType, T>(def: EndpointDef<S, I>, handler: Handler<S, I, T>) {
  declareEndpoint("action", def);
  return (slug: string | null, rawInput: unknown): Promise<ActionResult<T>> =>
    settleResult(async () => {
      const caller = await authorize(def, slug);
      const input = parseInput(def.input, rawInput);
      // Public actions (sign-in, sign-up) own their transactions: Auth.js redirects from inside them.
      if (caller.scope === "public") return handler(caller as unknown as ActionContextOf[S], input);
      return transact(caller, (ctx) => handler(ctx as unknown as ActionContextOf[S], input));
    });
}

/** Anyone may call it (sign-up, sign-in); the handler owns its transaction. */
export function publicAction<I extends z.ZodType, T>(def: { name: string; input: I }, handler: Handler<"public", I, T>) {
  const run = serverAction({ ...def, scope: "public" }, handler);
  return tagged(def.name, (input: z.input<I>) => run(null, input));
}

/** Needs a signed-in user but no workspace (create a workspace, choose the default one). */
export function userAction<I extends z.ZodType, T>(def: { name: string; input: I }, handler: Handler<"user", I, T>) {
  const run = serverAction({ ...def, scope: "user" }, handler);
  return tagged(def.name, (input: z.input<I>) => run(null, input));
}

/**
 * A server action inside one workspace: the caller's membership is read from the database (a missing
 * workspace and a non-member both answer NOT_FOUND) and the declared permission checked before the
 * input is parsed and the handler runs in a transaction; a Refusal it throws rolls everything back.
 */
export function workspaceAction<I extends z.ZodType, T>(
  def: { name: string; permission: PermissionKey | "member"; input: I },
  handler: Handler<"workspace", I, T>,
) {
  const run = serverAction({ ...def, scope: "workspace" }, handler);
  return tagged(def.name, (workspaceSlug: string, input: z.input<I>) => run(workspaceSlug, input));
}

/** For platform operators only, whatever their workspace roles. */
export function platformAction<I extends z.ZodType, T>(def: { name: string; input: I }, handler: Handler<"platform", I, T>) {
  const run = serverAction({ ...def, scope: "platform" }, handler);
  return tagged(def.name, (input: z.input<I>) => run(null, input));
}
