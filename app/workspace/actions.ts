"use server";

import { userAction } from "@/lib/authz";
import { CreateWorkspaceSchema, SetDefaultWorkspaceSchema } from "@/lib/workspaces/schemas";
import { createWorkspace, setDefaultWorkspace } from "@/lib/workspaces/service";

export const createWorkspaceAction = userAction(
  { name: "workspace.create", input: CreateWorkspaceSchema },
  async (ctx, input) => {
    const workspace = await createWorkspace(ctx.tx, { id: ctx.userId, ip: ctx.ip }, input);
    return { slug: workspace.slug };
  },
);

export const setDefaultWorkspaceAction = userAction(
  { name: "workspace.setDefault", input: SetDefaultWorkspaceSchema },
  async (ctx, input) => {
    await setDefaultWorkspace(ctx.tx, ctx.userId, input.workspaceId);
  },
);
