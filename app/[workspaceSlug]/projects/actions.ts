"use server";

import { workspaceAction } from "@/lib/authz";
import { CreateProjectSchema, MergeBranchesSchema, ProjectIdSchema } from "@/lib/resources/schemas";
import { createProject, deleteProject, mergeBranches } from "@/lib/resources/service";

export const createProjectAction = workspaceAction(
  { name: "projects.create", permission: "resources.manage", input: CreateProjectSchema },
  (ctx, input) => createProject(ctx, input),
);

export const deleteProjectAction = workspaceAction(
  { name: "projects.delete", permission: "resources.manage", input: ProjectIdSchema },
  (ctx, input) => deleteProject(ctx, input.projectId),
);

export const mergeBranchesAction = workspaceAction(
  { name: "projects.merge", permission: "projects.merge", input: MergeBranchesSchema },
  (ctx, input) => mergeBranches(ctx, input),
);
