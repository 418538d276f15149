import { Prisma } from "@/generated/prisma/client";
import type { Plan, Role, SubscriptionStatus } from "@/generated/prisma/enums";
import type { Grant } from "./permissions";
import type { WorkspaceContext } from "./types";

// The one statement's columns that make a member's context: shared by the session lookup (pages and
// actions), the API key lookup and the workspaces overview, so all of them judge alike.

export interface MembershipRow {
  id: string;
  role: Role;
  user: WorkspaceContext["user"];
  workspace: Omit<WorkspaceContext["workspace"], "logoUpdatedAt" | "subscription"> & {
    logoUpdatedAt: string | null;
    subscription: { status: SubscriptionStatus; graceEndsAt: string | null; lapsedFromPlan: Plan | null; lapsedAt: string | null } | null;
  };
  /** Every grant in force at the query's time, each with its source (see GRANTS_COLUMN). */
  grants: Grant[];
  pendingAccessRequests: number;
}

/**
 * Every grant of membership m in force now, as one JSON array of { actions, projectIds, instanceIds,
 * serverIds, roleFloor?, source }: the member's own grant, each team's grant (with its floor) and
 * custom roles, the member's custom roles, and each approved access request (its one action, on its
 * one resource). Expiry is compared in the database at query time, so a grant stops counting the instant
 * it expires without any job; the worker only tidies the rows afterwards.
 *
 * The SQL is the function member_grants (prisma/migrations/20261130170000_member_grants_function): a
 * PL/pgSQL function keeps its plan per connection, where the same five-way UNION written inline was
 * planned afresh on every request and the planning cost more than the query. A change to what a grant is
 * means a migration that replaces the function.
 */
export const GRANTS_COLUMN = Prisma.sql`member_grants(m.id) AS grants`;

/**
 * The columns of a membership row (alias m), its user (u) and workspace (w), with every grant in force
 * (GRANTS_COLUMN): the same through Prisma's relation loading took six round trips, and this runs on
 * every page, action and API request. The workspace's 2FA requirement and the user's 2FA state ride
 * along, so enforcing it costs no query.
 */
export const MEMBERSHIP_COLUMNS = Prisma.sql`m.id, m.role::text AS role,
      json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'emailVerified', u."emailVerifiedAt" IS NOT NULL,
        'twoFactorEnabled', u."totpEnabledAt" IS NOT NULL) AS "user",
      json_build_object(
        'id', w.id, 'name', w.name, 'slug', w.slug, 'description', w.description, 'kind', w.kind,
        'stage', w.stage, 'plan', w.plan, 'color', w.color, 'logoType', w."logoType", 'logoUpdatedAt', w."logoUpdatedAt",
        'requireTwoFactor', w."requireTwoFactor",
        'subscription', (SELECT json_build_object('status', s.status, 'graceEndsAt', s."graceEndsAt", 'lapsedFromPlan', s."lapsedFromPlan", 'lapsedAt', s."lapsedAt")
           FROM "Subscription" s WHERE s."workspaceId" = w.id)
      ) AS workspace,
      -- Only owners and admins decide access requests; the sidebar shows them how many wait, without a query of its own.
      CASE WHEN m.role IN ('OWNER', 'ADMIN') THEN (SELECT count(*) FROM "AccessRequest" r WHERE r."workspaceId" = w.id AND r.status = 'PENDING')::int ELSE 0 END
        AS "pendingAccessRequests",
      ${GRANTS_COLUMN}`;

