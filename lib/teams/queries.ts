import type { WorkspaceContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";

interface TeamsPageRow {
  teams: {
    id: string;
    name: string;
    roleFloor: Role | null;
    actions: string[];
    projectIds: string[];
    instanceIds: string[];
    serverIds: string[];
    members: { membershipId: string; expiresAt: string | null; membership: { role: Role; user: { name: string; email: string } } }[];
    customRoles: { id: string; name: string; expiresAt: string | null }[];
  }[];
  roleChoices: { id: string; name: string }[];
  candidates: { membershipId: string; name: string }[];
}

/** A timestamp column as json_build_object writes it (UTC without the zone). */
const utcOrNull = (text: string | null) => (text === null ? null : new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`));

/**
 * Everything the Teams page shows, in one statement: the teams by name, each with its live members (join
 * order) and live custom roles, the custom roles one could assign, and the members who could join a team
 * (Developers and Viewers, the first 500 in join order). An assignment past its expiry grants nothing
 * already; the worker deletes it soon after.
 */
export async function teamsPage(workspaceId: string, now = new Date()) {
  const [row] = await db().$queryRaw<TeamsPageRow[]>`
    SELECT
      (SELECT coalesce(json_agg(t ORDER BY t.name, t.id), '[]'::json) FROM (
        SELECT team.id, team.name, team."roleFloor", team.actions, team."projectIds", team."instanceIds", team."serverIds",
          (SELECT coalesce(json_agg(json_build_object('membershipId', tm."membershipId", 'expiresAt', tm."expiresAt",
                    'membership', json_build_object('role', m.role, 'user', json_build_object('name', u.name, 'email', u.email)))
                  ORDER BY tm."createdAt", tm."membershipId"), '[]'::json)
             FROM "TeamMember" tm JOIN "Membership" m ON m.id = tm."membershipId" JOIN "User" u ON u.id = m."userId"
             WHERE tm."teamId" = team.id AND m."workspaceId" = ${workspaceId} AND (tm."expiresAt" IS NULL OR tm."expiresAt" > ${now})) AS members,
          (SELECT coalesce(json_agg(json_build_object('id', r.id, 'name', r.name, 'expiresAt', a."expiresAt") ORDER BY r.name, r.id), '[]'::json)
             FROM "TeamCustomRole" a JOIN "CustomRole" r ON r.id = a."customRoleId"
             WHERE a."teamId" = team.id AND r."workspaceId" = ${workspaceId} AND (a."expiresAt" IS NULL OR a."expiresAt" > ${now})) AS "customRoles"
        FROM "Team" team WHERE team."workspaceId" = ${workspaceId}) t) AS teams,
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'name', r.name) ORDER BY r.name, r.id), '[]'::json)
         FROM "CustomRole" r WHERE r."workspaceId" = ${workspaceId}) AS "roleChoices",
      (SELECT coalesce(json_agg(json_build_object('membershipId', c.id, 'name', c.name) ORDER BY c."createdAt", c.id), '[]'::json) FROM (
         SELECT m.id, m."createdAt", u.name FROM "Membership" m JOIN "User" u ON u.id = m."userId"
         WHERE m."workspaceId" = ${workspaceId} AND m.role IN ('DEVELOPER', 'VIEWER')
         ORDER BY m."createdAt", m.id LIMIT 500) c) AS candidates`;
  return {
    teams: (row?.teams ?? []).map((team) => ({
      ...team,
      members: team.members.map((m) => ({ ...m, expiresAt: utcOrNull(m.expiresAt) })),
      customRoles: team.customRoles.map((r) => ({ ...r, expiresAt: utcOrNull(r.expiresAt)?.toISOString() ?? null })),
    })),
    roleChoices: row?.roleChoices ?? [],
    candidates: row?.candidates ?? [],
  };
}

/** What the permissions modal can offer: this workspace's resources, as far as the editor sees them. One statement. */
export async function grantOptions(ctx: { workspace: { id: string } } & Pick<WorkspaceContext, "canSee" | "permissions">) {
  const workspaceId = ctx.workspace.id;
  const [row] = await db().$queryRaw<
    {
      projects: { id: string; name: string }[] | null;
      instances: { id: string; name: string; projectId: string; environment: string }[] | null;
      servers: { id: string; name: string }[] | null;
    }[]
  >`
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Project" WHERE "workspaceId" = ${workspaceId}) AS projects,
      (SELECT json_agg(json_build_object('id', id, 'name', name, 'projectId', "projectId", 'environment', environment) ORDER BY name)
         FROM "Instance" WHERE "workspaceId" = ${workspaceId}) AS instances,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Server" WHERE "workspaceId" = ${workspaceId}) AS servers`;
  const { allow } = ctx.permissions;
  return {
    projects: (row?.projects ?? []).filter((p) => allow === "all" || allow.projects.has(p.id)),
    instances: (row?.instances ?? []).filter((i) => ctx.canSee({ kind: "instance", id: i.id, projectId: i.projectId })),
    servers: (row?.servers ?? []).filter((s) => ctx.canSee({ kind: "server", id: s.id })),
  };
}
