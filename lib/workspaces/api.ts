import { z } from "zod";
import { apiRead } from "@/lib/authz/api";
import { PERMISSION_KEYS, ROLES } from "@/lib/authz/permissions";
import { PLANS } from "@/lib/billing/plans";

export const WorkspaceBody = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    kind: z.enum(["PERSONAL", "PROJECT", "ENVIRONMENT"]),
    stage: z.enum(["DEVELOPMENT", "STAGING", "PRODUCTION"]).nullable(),
    plan: z.enum(PLANS),
    apiKey: z
      .object({
        id: z.string(),
        name: z.string(),
        prefix: z.string(),
        access: z.enum(["READ", "WRITE"]),
        role: z.enum(ROLES).meta({ description: "The role of the key's creator now: the key never holds more than they do." }),
        permissions: z.array(z.enum(PERMISSION_KEYS as [string, ...string[]])).meta({ description: "What the key may do at this moment." }),
      })
      .meta({ description: "The key this request was made with." }),
  })
  .meta({ id: "Workspace" });

export const workspaceApi = [
  apiRead(
    {
      name: "api.workspace.get",
      path: "/workspace",
      tag: "Workspace",
      summary: "The key's workspace",
      description: "The workspace the key belongs to, and what the key may do in it right now.",
      permission: "workspace.read",
      response: WorkspaceBody,
    },
    async (ctx) => ({
      ...ctx.workspace,
      apiKey: { ...ctx.apiKey!, role: ctx.permissions.role, permissions: [...ctx.permissions.actions] },
    }),
  ),
];
