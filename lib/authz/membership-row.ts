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

/** An instant as ISO 8601 in UTC: the columns are timestamp(3) holding UTC, which JSON would print zoneless. */
const isoUtc = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** "Not expired" for a nullable expiry column, at the statement's time (UTC, whatever the session's zone). */
const live = (column: Prisma.Sql) => Prisma.sql`(${column} IS NULL OR ${column} > (now() AT TIME ZONE 'UTC'))`;

/**
 * Every grant of membership m in force now, as one JSON array of { actions, projectIds, instanceIds,
 * serverIds, roleFloor?, source }: the member's own grant, each team's grant (with its floor) and
 * custom roles, the member's custom roles, and each approved access request (its one action, on its
 * one resource). Expiry is compared here, at query time, so a grant stops counting the instant it
 * expires without any job; the worker only tidies the rows afterwards.
 */
export const GRANTS_COLUMN = Prisma.sql`COALESCE((SELECT json_agg(x.g) FROM (
        SELECT json_build_object('actions', g.actions, 'projectIds', g."projectIds", 'instanceIds', g."instanceIds", 'serverIds', g."serverIds",
            'source', json_build_object('kind', 'direct', 'expiresAt', ${isoUtc(Prisma.sql`g."expiresAt"`)})) AS g
          FROM "MemberGrant" g WHERE g."membershipId" = m.id AND ${live(Prisma.sql`g."expiresAt"`)}
        UNION ALL
        SELECT json_build_object('actions', t.actions, 'projectIds', t."projectIds", 'instanceIds', t."instanceIds", 'serverIds', t."serverIds",
            'roleFloor', t."roleFloor",
            'source', json_build_object('kind', 'team', 'id', t.id, 'name', t.name, 'expiresAt', ${isoUtc(Prisma.sql`tm."expiresAt"`)}))
          FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId"
          WHERE tm."membershipId" = m.id AND ${live(Prisma.sql`tm."expiresAt"`)}
        UNION ALL
        SELECT json_build_object('actions', r.actions, 'projectIds', r."projectIds", 'instanceIds', r."instanceIds", 'serverIds', r."serverIds",
            'source', json_build_object('kind', 'customRole', 'id', r.id, 'name', r.name,
              'expiresAt', ${isoUtc(Prisma.sql`LEAST(tm."expiresAt", tr."expiresAt")`)}, 'team', json_build_object('id', t.id, 'name', t.name)))
          FROM "TeamMember" tm JOIN "Team" t ON t.id = tm."teamId"
          JOIN "TeamCustomRole" tr ON tr."teamId" = t.id JOIN "CustomRole" r ON r.id = tr."customRoleId"
          WHERE tm."membershipId" = m.id AND ${live(Prisma.sql`tm."expiresAt"`)} AND ${live(Prisma.sql`tr."expiresAt"`)}
        UNION ALL
        SELECT json_build_object('actions', r.actions, 'projectIds', r."projectIds", 'instanceIds', r."instanceIds", 'serverIds', r."serverIds",
            'source', json_build_object('kind', 'customRole', 'id', r.id, 'name', r.name, 'expiresAt', ${isoUtc(Prisma.sql`mr."expiresAt"`)}))
          FROM "MemberCustomRole" mr JOIN "CustomRole" r ON r.id = mr."customRoleId"
          WHERE mr."membershipId" = m.id AND ${live(Prisma.sql`mr."expiresAt"`)}
        UNION ALL
        SELECT json_build_object('actions', json_build_array(ar.permission),
            'projectIds', CASE WHEN ar."resourceKind" = 'project' THEN json_build_array(ar."resourceId") ELSE '[]'::json END,
            'instanceIds', CASE WHEN ar."resourceKind" = 'instance' THEN json_build_array(ar."resourceId") ELSE '[]'::json END,
            'serverIds', CASE WHEN ar."resourceKind" = 'server' THEN json_build_array(ar."resourceId") ELSE '[]'::json END,
            'source', json_build_object('kind', 'accessRequest', 'id', ar.id, 'expiresAt', ${isoUtc(Prisma.sql`ar."expiresAt"`)}))
          FROM "AccessRequest" ar
          WHERE ar."membershipId" = m.id AND ar.status = 'APPROVED' AND ${live(Prisma.sql`ar."expiresAt"`)}
      ) x), '[]'::json) AS grants`;

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

