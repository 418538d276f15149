"use server";

import { userAction, workspaceAction } from "@/lib/authz";
import {
  ColorSchema,
  ConfirmSlugSchema,
  CreateWorkspaceSchema,
  LogoUploadSchema,
  RenameSlugSchema,
  RequireTwoFactorSchema,
  RestoreWorkspaceSchema,
  SetDefaultWorkspaceSchema,
  UpdateGeneralSchema,
} from "@/lib/workspaces/schemas";
import {
  createWorkspace,
  deleteWorkspace,
  removeLogo,
  renameSlug,
  restoreWorkspace,
  setColor,
  setDefaultWorkspace,
  setLogo,
  setRequireTwoFactor,
  updateGeneral,
} from "@/lib/workspaces/service";
import { z } from "zod";

export const createWorkspaceAction = userAction(
  { name: "workspace.create", input: CreateWorkspaceSchema },
  async (ctx, input) => {
    const workspace = await createWorkspace(ctx.tx, ctx.actor, input);
    return { slug: workspace.slug };
  },
);

export const setDefaultWorkspaceAction = userAction(
  { name: "workspace.setDefault", input: SetDefaultWorkspaceSchema },
  async (ctx, input) => {
    await setDefaultWorkspace(ctx.tx, ctx.userId, input.workspaceId);
  },
);

/**
 * A deleted workspace cannot be opened, so this is not a workspace action: the service reads the
 * caller's membership itself and lets only the workspace's owner restore it.
 */
export const restoreWorkspaceAction = userAction(
  { name: "workspace.restore", input: RestoreWorkspaceSchema },
  (ctx, input) => restoreWorkspace(ctx.tx, ctx.actor, input.workspaceId),
);

export const updateGeneralAction = workspaceAction(
  { name: "workspace.updateGeneral", permission: "workspace.update", input: UpdateGeneralSchema },
  (ctx, input) => updateGeneral(ctx, input),
);

export const renameSlugAction = workspaceAction(
  { name: "workspace.renameSlug", permission: "workspace.update", input: RenameSlugSchema },
  (ctx, input) => renameSlug(ctx, input.slug),
);

export const setColorAction = workspaceAction(
  { name: "workspace.setColor", permission: "workspace.update", input: ColorSchema },
  (ctx, input) => setColor(ctx, input.color),
);

export const setRequireTwoFactorAction = workspaceAction(
  { name: "workspace.setRequireTwoFactor", permission: "workspace.update", input: RequireTwoFactorSchema },
  (ctx, input) => setRequireTwoFactor(ctx, input.required),
);

export const uploadLogoAction = workspaceAction(
  { name: "workspace.uploadLogo", permission: "workspace.update", input: LogoUploadSchema },
  (ctx, input) => setLogo(ctx, input.logo),
);

export const removeLogoAction = workspaceAction(
  { name: "workspace.removeLogo", permission: "workspace.update", input: z.object({}) },
  (ctx) => removeLogo(ctx),
);

export const deleteWorkspaceAction = workspaceAction(
  { name: "workspace.delete", permission: "workspace.delete", input: ConfirmSlugSchema },
  (ctx, input) => deleteWorkspace(ctx, input.confirmSlug),
);
