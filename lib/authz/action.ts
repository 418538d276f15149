import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type AuditInput } from "@/lib/audit";
import { Refusal, type ActionResult } from "@/lib/errors";
import { loadWorkspaceContext, type WorkspaceContext } from "./context";
import { platformAdminFor } from "./platform";
import type { PermissionKey } from "./permissions";
import { registerAction } from "./registry";
import { requestIp, requestOrigin, sessionUserId } from "./session";

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** Set on every function the factories return, so a test can prove each exported action came from one. */
export const ACTION_NAME = Symbol.for("workspaces.actionName");

export function tagged<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return Object.assign(fn, { [ACTION_NAME]: name });
}

interface AfterCommit {
  /**
   * Runs once the transaction has committed (sending mail, calling out): never for a change that
   * rolled back, and never holding the transaction open. Failures are logged, not thrown.
   */
  afterCommit(task: () => Promise<void>): void;
  /** The app's origin, for links in emails. */
  origin(): Promise<string>;
}

export interface UserActionContext extends AfterCommit {
  userId: string;
  ip: string | null;
  tx: Tx;
}

export interface WorkspaceActionContext extends WorkspaceContext, AfterCommit {
  ip: string | null;
  tx: Tx;
  /** Records an audit event of this workspace by the caller, in the action's transaction. */
  audit(event: Omit<AuditInput, "workspaceId" | "actorId" | "ip">): Promise<void>;
}

/** Anyone may call it (sign-up, sign-in); the handler owns its transaction. */
export function publicAction<S extends z.ZodType, T>(
  def: { name: string; input: S },
  handler: (input: z.output<S>, meta: { ip: string | null }) => Promise<T>,
): (rawInput: unknown) => Promise<ActionResult<T>> {
  registerAction({ name: def.name, scope: "public" });
  return tagged(def.name, async (rawInput: unknown) =>
    settle(async () => handler(parseInput(def.input, rawInput), { ip: await requestIp() })),
  );
}

/** Needs a signed-in user but no workspace (create a workspace, choose the default one). */
export function userAction<S extends z.ZodType, T>(
  def: { name: string; input: S },
  handler: (ctx: UserActionContext, input: z.output<S>) => Promise<T>,
): (rawInput: unknown) => Promise<ActionResult<T>> {
  registerAction({ name: def.name, scope: "user" });
  return tagged(def.name, async (rawInput: unknown) =>
    settle(async () => {
      const userId = await sessionUserId();
      if (!userId) throw new Refusal("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const input = parseInput(def.input, rawInput);
      const ip = await requestIp();
      return inTransaction((tx, hooks) => handler({ userId, ip, tx, ...hooks }, input));
    }),
  );
}

/**
 * A server action inside one workspace. Before the handler runs: the session is resolved, the
 * caller's membership is read from the database (a missing workspace and a non-member both answer
 * NOT_FOUND), the declared permission is checked and the input is parsed. Only then does the
 * handler run, in a transaction; a Refusal it throws rolls everything back.
 */
export function workspaceAction<S extends z.ZodType, T>(
  def: { name: string; permission: PermissionKey | "member"; input: S },
  handler: (ctx: WorkspaceActionContext, input: z.output<S>) => Promise<T>,
): (workspaceSlug: string, rawInput: unknown) => Promise<ActionResult<T>> {
  registerAction({ name: def.name, scope: "workspace", permission: def.permission });
  return tagged(def.name, async (workspaceSlug: string, rawInput: unknown) =>
    settle(async () => {
      const userId = await sessionUserId();
      if (!userId) throw new Refusal("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const member = await loadWorkspaceContext(userId, String(workspaceSlug));
      if (!member) throw Refusal.notFound("That workspace");
      if (def.permission !== "member" && !member.can(def.permission)) {
        throw new Refusal("FORBIDDEN", "You don't have permission to do that in this workspace.");
      }
      const input = parseInput(def.input, rawInput);
      const ip = await requestIp();
      return inTransaction((tx, hooks) =>
        handler(
          {
            ...member,
            ...hooks,
            ip,
            tx,
            audit: (event) => recordAudit(tx, { ...event, workspaceId: member.workspace.id, actorId: member.user.id, ip }),
          },
          input,
        ),
      );
    }),
  );
}

export interface PlatformActionContext extends AfterCommit {
  admin: { id: string; email: string; name: string };
  ip: string | null;
  tx: Tx;
}

/** For platform operators (PLATFORM_ADMIN_EMAILS) only, whatever their workspace roles. */
export function platformAction<S extends z.ZodType, T>(
  def: { name: string; input: S },
  handler: (ctx: PlatformActionContext, input: z.output<S>) => Promise<T>,
): (rawInput: unknown) => Promise<ActionResult<T>> {
  registerAction({ name: def.name, scope: "platform" });
  return tagged(def.name, async (rawInput: unknown) =>
    settle(async () => {
      const userId = await sessionUserId();
      if (!userId) throw new Refusal("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const admin = await platformAdminFor(userId);
      if (!admin) throw new Refusal("FORBIDDEN", "Only platform operators can do that.");
      const input = parseInput(def.input, rawInput);
      const ip = await requestIp();
      return inTransaction((tx, hooks) => handler({ admin, ip, tx, ...hooks }, input));
    }),
  );
}

async function inTransaction<T>(run: (tx: Tx, hooks: AfterCommit) => Promise<T>): Promise<T> {
  const tasks: (() => Promise<void>)[] = [];
  const hooks: AfterCommit = { afterCommit: (task) => void tasks.push(task), origin: requestOrigin };
  const result = await db().$transaction((tx) => run(tx, hooks), TRANSACTION_OPTIONS);
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      console.error("[after-commit]", error);
    }
  }
  return result;
}

function parseInput<S extends z.ZodType>(schema: S, rawInput: unknown): z.output<S> {
  const parsed = schema.safeParse(rawInput);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  throw new Refusal("INVALID", "Some fields need attention.", fieldErrors);
}

async function settle<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof Refusal) {
      return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors, ...(error.help ? { help: error.help } : {}) };
    }
    console.error("[action]", error);
    return { ok: false, code: "INTERNAL", error: "Something went wrong and nothing was saved. Try again." };
  }
}
