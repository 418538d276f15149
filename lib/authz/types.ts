/**
 * The shapes every domain shares with lib/authz: who is acting, in which workspace, with what context.
 * Type-only on purpose: a domain service names these without importing the server-only pipeline, so no
 * import circle runs through lib/authz, not even through types.
 */
import type { Role } from "@/generated/prisma/enums";
import type { AuditInput } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import type { EffectivePermissions, Grant, PermissionKey, ResourceRef } from "./permissions";

/** Who is acting: the one shape every service takes for "by whom, from where" (audit rows, rate limits). */
export interface Actor {
  userId: string;
  ip: string | null;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  description: string;
  kind: "PERSONAL" | "PROJECT" | "ENVIRONMENT";
  stage: "DEVELOPMENT" | "STAGING" | "PRODUCTION" | null;
  plan: "FREE" | "STARTER" | "PRO" | "ENTERPRISE";
  color: string | null;
  logoType: string | null;
  logoUpdatedAt: Date | null;
  /** Members must have two-factor authentication on to open it (pages, actions and routes alike). */
  requireTwoFactor: boolean;
  /** Its paid plan's state, read with the membership so the past-due banner costs no query; null on Free. */
  subscription: {
    status: "ACTIVE" | "PAST_DUE" | "CANCELLED";
    graceEndsAt: Date | null;
    lapsedFromPlan: "FREE" | "STARTER" | "PRO" | "ENTERPRISE" | null;
    lapsedAt: Date | null;
  } | null;
}

/** A member inside one workspace, with the permissions in force for this request. */
export interface WorkspaceContext {
  user: { id: string; name: string; email: string; emailVerified: boolean; twoFactorEnabled: boolean };
  workspace: WorkspaceSummary;
  /** The stored role; `permissions.role` is the one in force (a team's floor may raise it). */
  membership: { id: string; role: Role };
  permissions: EffectivePermissions;
  /** The grants in force this request, each with its source: what "why can they?" explains from. */
  grants: readonly Grant[];
  /** Access requests of the workspace waiting for a decision: counted for owners and admins only (0 for others). */
  pendingAccessRequests: number;
  can(key: PermissionKey): boolean;
  /** Whether the resource is inside the caller's allow-lists. */
  canSee(ref: ResourceRef): boolean;
  /** Whether the caller holds the action on that resource. */
  canOn(key: PermissionKey, ref: ResourceRef): boolean;
}

/** What every entry point knows about the request, whatever its scope. */
export interface RequestMeta {
  ip: string | null;
  /** The browser's User-Agent, capped; for session lists and the security log. */
  userAgent: string | null;
  /** The Session row of the request's cookie (null without one, and for API keys). */
  sessionId: string | null;
  /** The app's origin, for links in emails. */
  origin(): Promise<string>;
}

export interface PublicCaller extends RequestMeta {
  scope: "public";
}

export interface UserCaller extends RequestMeta {
  scope: "user";
  userId: string;
  actor: Actor;
}

/** The API key a request came with: it acts for its creator (the context's user), within its access. */
export interface ApiKeyIdentity {
  id: string;
  name: string;
  prefix: string;
  access: "READ" | "WRITE";
}

export interface WorkspaceCaller extends RequestMeta, WorkspaceContext {
  scope: "workspace";
  actor: Actor;
  /** Set when the caller is an API key rather than a signed-in browser; audit rows name it. */
  apiKey?: ApiKeyIdentity;
}

export interface PlatformCaller extends RequestMeta {
  scope: "platform";
  admin: { id: string; email: string; name: string };
  actor: Actor;
}

export type Caller = PublicCaller | UserCaller | WorkspaceCaller | PlatformCaller;
export type Scope = Caller["scope"];
export type CallerOf<S extends Scope> = Extract<Caller, { scope: S }>;

/** What the pipeline adds when it runs a handler inside its transaction. */
export interface TransactionHooks {
  tx: Tx;
  /**
   * Runs once the transaction has committed (sending mail, calling out): never for a change that
   * rolled back, and never holding the transaction open. Failures are logged, not thrown.
   */
  afterCommit(task: () => Promise<void>): void;
}

export interface WorkspaceAudit {
  /** Records an audit event of this workspace by the caller, in the handler's transaction. */
  audit(event: Omit<AuditInput, "workspaceId" | "actorId" | "ip" | "apiKeyId">): Promise<void>;
}

export type UserActionContext = UserCaller & TransactionHooks;
export type WorkspaceActionContext = WorkspaceCaller & TransactionHooks & WorkspaceAudit;
export type PlatformActionContext = PlatformCaller & TransactionHooks;
