"use server";

import { workspaceAction } from "@/lib/authz";
import { CreateServerSchema, ServerIdSchema } from "@/lib/resources/schemas";
import { createServer, deleteServer } from "@/lib/resources/service";

export const createServerAction = workspaceAction(
  { name: "servers.create", permission: "resources.manage", input: CreateServerSchema },
  (ctx, input) => createServer(ctx, input),
);

export const deleteServerAction = workspaceAction(
  { name: "servers.delete", permission: "resources.manage", input: ServerIdSchema },
  (ctx, input) => deleteServer(ctx, input.serverId),
);
