import type { WorkspaceContext } from "@/lib/authz/types";
import { db } from "@/lib/db";

export async function listTeams(workspaceId: string) {
  return db().team.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    include: {
      members: {
        orderBy: { createdAt: "asc" },
        select: { membershipId: true, membership: { select: { role: true, user: { select: { name: true, email: true } } } } },
      },
    },
  });
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
