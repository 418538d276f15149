import { z } from "zod";
import { apiRead, apiWrite } from "@/lib/authz/api";
import type { WorkspaceActionContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { cutPage, pageOf, PageQuery, readCursor } from "@/lib/api/pagination";
import { recordId } from "@/lib/schemas";
import { instanceFor, projectFor, serverFor } from "./access";
import { visibleInstancesWhere, visibleProjectsWhere, visibleServersWhere } from "./queries";
import { restartInstance, setInstanceRunning } from "./service";

/**
 * Projects, servers and instances as the caller sees them in the dashboard: from Admin up everything,
 * below only what their grants and teams allow; anything else, in this workspace or another, is 404.
 * Lists are keyset-paginated by name (unique within a workspace).
 */

const ProjectBody = z
  .object({ id: z.string(), name: z.string(), repositoryUrl: z.string(), branches: z.array(z.string()), createdAt: z.date() })
  .meta({ id: "Project" });
const ServerBody = z.object({ id: z.string(), name: z.string(), region: z.string(), address: z.string(), createdAt: z.date() }).meta({ id: "Server" });
export const InstanceBody = z
  .object({
    id: z.string(),
    name: z.string(),
    projectId: z.string(),
    serverId: z.string(),
    environment: z.enum(["DEVELOPMENT", "STAGING", "PRODUCTION"]),
    status: z.enum(["RUNNING", "STOPPED", "RESTARTING"]),
    lastRestartedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "Instance" });

const PROJECT_SELECT = { id: true, name: true, repositoryUrl: true, branches: true, createdAt: true } as const;
const SERVER_SELECT = { id: true, name: true, region: true, address: true, createdAt: true } as const;
const INSTANCE_SELECT = {
  id: true,
  name: true,
  projectId: true,
  serverId: true,
  environment: true,
  status: true,
  lastRestartedAt: true,
  createdAt: true,
} as const;

const afterName = (cursor: string | undefined) => readCursor(cursor, 1)?.[0];
const InstancePath = z.object({ instanceId: recordId() });

export const resourcesApi = [
  apiRead(
    {
      name: "api.projects.list",
      path: "/projects",
      tag: "Resources",
      summary: "List projects",
      permission: "member",
      query: PageQuery,
      response: pageOf(ProjectBody, "ProjectPage"),
    },
    async (ctx, { query }) => {
      const after = afterName(query.cursor);
      const rows = await db().project.findMany({
        where: { AND: [visibleProjectsWhere(ctx), after ? { name: { gt: after } } : {}] },
        orderBy: { name: "asc" },
        take: query.limit + 1,
        select: PROJECT_SELECT,
      });
      return cutPage(rows, query.limit, (p) => [p.name]);
    },
  ),
  apiRead(
    {
      name: "api.projects.get",
      path: "/projects/{projectId}",
      tag: "Resources",
      summary: "Get a project",
      permission: "member",
      params: z.object({ projectId: recordId() }),
      response: ProjectBody,
    },
    (ctx, { params }) => projectFor(ctx, params.projectId),
  ),
  apiRead(
    {
      name: "api.servers.list",
      path: "/servers",
      tag: "Resources",
      summary: "List servers",
      permission: "member",
      query: PageQuery,
      response: pageOf(ServerBody, "ServerPage"),
    },
    async (ctx, { query }) => {
      const after = afterName(query.cursor);
      const rows = await db().server.findMany({
        where: { AND: [visibleServersWhere(ctx), after ? { name: { gt: after } } : {}] },
        orderBy: { name: "asc" },
        take: query.limit + 1,
        select: SERVER_SELECT,
      });
      return cutPage(rows, query.limit, (s) => [s.name]);
    },
  ),
  apiRead(
    {
      name: "api.servers.get",
      path: "/servers/{serverId}",
      tag: "Resources",
      summary: "Get a server",
      permission: "member",
      params: z.object({ serverId: recordId() }),
      response: ServerBody,
    },
    (ctx, { params }) => serverFor(ctx, params.serverId),
  ),
  apiRead(
    {
      name: "api.instances.list",
      path: "/instances",
      tag: "Resources",
      summary: "List instances",
      permission: "member",
      query: PageQuery.extend({ projectId: recordId().optional().meta({ description: "Only this project's instances." }) }),
      response: pageOf(InstanceBody, "InstancePage"),
    },
    async (ctx, { query }) => {
      const after = afterName(query.cursor);
      const rows = await db().instance.findMany({
        where: {
          AND: [visibleInstancesWhere(ctx), query.projectId ? { projectId: query.projectId } : {}, after ? { name: { gt: after } } : {}],
        },
        orderBy: { name: "asc" },
        take: query.limit + 1,
        select: INSTANCE_SELECT,
      });
      return cutPage(rows, query.limit, (i) => [i.name]);
    },
  ),
  apiRead(
    {
      name: "api.instances.get",
      path: "/instances/{instanceId}",
      tag: "Resources",
      summary: "Get an instance",
      permission: "member",
      params: InstancePath,
      response: InstanceBody,
    },
    (ctx, { params }) => instanceFor(ctx, params.instanceId),
  ),
  apiWrite(
    {
      name: "api.instances.start",
      method: "POST",
      path: "/instances/{instanceId}/start",
      tag: "Resources",
      summary: "Start a stopped instance",
      description: "Needs instances.stop on the instance. 409 when it is already running.",
      permission: "member",
      params: InstancePath,
      response: InstanceBody,
    },
    async (ctx, { params }) => {
      await setInstanceRunning(ctx, params.instanceId, true);
      return instanceBodyIn(ctx, params.instanceId);
    },
  ),
  apiWrite(
    {
      name: "api.instances.stop",
      method: "POST",
      path: "/instances/{instanceId}/stop",
      tag: "Resources",
      summary: "Stop a running instance",
      description: "Needs instances.stop on the instance. 409 when it is already stopped.",
      permission: "member",
      params: InstancePath,
      response: InstanceBody,
    },
    async (ctx, { params }) => {
      await setInstanceRunning(ctx, params.instanceId, false);
      return instanceBodyIn(ctx, params.instanceId);
    },
  ),
  apiWrite(
    {
      name: "api.instances.restart",
      method: "POST",
      path: "/instances/{instanceId}/restart",
      tag: "Resources",
      summary: "Restart an instance",
      description: "Needs instances.restart on the instance. A hard restart drops connections.",
      permission: "member",
      params: InstancePath,
      body: z.object({ mode: z.enum(["soft", "hard"]).default("soft") }),
      response: InstanceBody,
    },
    async (ctx, { params, body }) => {
      await restartInstance(ctx, params.instanceId, body.mode);
      return instanceBodyIn(ctx, params.instanceId);
    },
  ),
];

/** The instance as the transaction now sees it (after the change). */
function instanceBodyIn(ctx: WorkspaceActionContext, instanceId: string) {
  return ctx.tx.instance.findFirstOrThrow({ where: { id: instanceId, workspaceId: ctx.workspace.id }, select: INSTANCE_SELECT });
}
