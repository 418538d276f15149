import { z } from "zod";
import { SLUG_MESSAGES, slugProblem } from "./slug";
import { messageKey } from "@/lib/i18n/message-key";
import { PageLinkQuery, recordId, text } from "@/lib/schemas";

export const slugSchema = text()
  .trim()
  .toLowerCase()
  .superRefine((slug, ctx) => {
    const problem = slugProblem(slug);
    if (problem) ctx.addIssue({ code: "custom", message: SLUG_MESSAGES[problem] });
  });

export const workspaceNameSchema = text()
  .trim()
  .min(1, messageKey("validation.workspaces.nameRequired"))
  .max(64, messageKey("validation.workspaces.nameTooLong", { max: 64 }));

import { WORKSPACE_KINDS, WORKSPACE_STAGES } from "./kinds";
export { WORKSPACE_KINDS, WORKSPACE_STAGES };

export const CreateWorkspaceSchema = z
  .object({
    name: workspaceNameSchema,
    slug: slugSchema,
    kind: z.enum(WORKSPACE_KINDS, { message: messageKey("validation.workspaces.chooseKind") }),
    stage: z.enum(WORKSPACE_STAGES, { message: messageKey("validation.workspaces.chooseStage") }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "ENVIRONMENT" && !value.stage) {
      ctx.addIssue({ code: "custom", path: ["stage"], message: messageKey("validation.workspaces.chooseEnvironmentStage") });
    }
  })
  .transform((value) => ({ ...value, stage: value.kind === "ENVIRONMENT" ? value.stage : undefined }));
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceSchema>;

export const SetDefaultWorkspaceSchema = z.object({
  workspaceId: recordId(),
});

export const RestoreWorkspaceSchema = z.object({
  workspaceId: recordId(),
});

export const UpdateGeneralSchema = z.object({
  name: workspaceNameSchema,
  description: text().trim().max(500, messageKey("validation.workspaces.descriptionTooLong", { max: 500 })),
});
export type UpdateGeneralInput = z.input<typeof UpdateGeneralSchema>;

export const RenameSlugSchema = z.object({ slug: slugSchema });
export type RenameSlugInput = z.input<typeof RenameSlugSchema>;

export const ColorSchema = z.object({
  color: text()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, messageKey("validation.workspaces.hexColour"))
    .transform((c) => c.toLowerCase()),
});
export type ColorInput = z.input<typeof ColorSchema>;

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

/** Checked in the browser before upload and again by the action; the action also reads the bytes. */
export const LogoFileSchema = z
  .instanceof(File, { message: messageKey("validation.workspaces.chooseImage") })
  .refine((file) => file.size > 0, messageKey("validation.workspaces.fileEmpty"))
  .refine((file) => file.size <= LOGO_MAX_BYTES, messageKey("validation.workspaces.logoTooLarge"))
  .refine((file) => (LOGO_TYPES as readonly string[]).includes(file.type), messageKey("validation.workspaces.logoType"));

export const LogoUploadSchema = z.instanceof(FormData, { message: messageKey("validation.workspaces.chooseImage") }).transform((form, ctx) => {
  const parsed = LogoFileSchema.safeParse(form.get("logo"));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["logo"], message: issue.message });
    return z.NEVER;
  }
  return { logo: parsed.data };
});

export const ConfirmSlugSchema = z.object({
  confirmSlug: text().trim().min(1, messageKey("validation.workspaces.confirmSlugRequired")).max(64),
});
export type ConfirmSlugInput = z.input<typeof ConfirmSlugSchema>;

export const RequireTwoFactorSchema = z.object({ required: z.boolean({ message: messageKey("validation.workspaces.chooseRequired") }) });
export type RequireTwoFactorInput = z.input<typeof RequireTwoFactorSchema>;

/** The switcher's search (GET /api/workspaces?q=): a part of a workspace's name or slug. */
export const WorkspaceSearchSchema = z.object({ q: text().trim().max(100, "Keep the search under 100 characters").optional() });

/** /workspace/select's search parameters: anything unreadable is no search and the first page, never an error. */
export const WorkspaceOverviewQuerySchema = PageLinkQuery.extend({
  q: text().trim().max(100).optional().catch(undefined),
  /** The workspace the person came from (the profile menu's "Switch"), marked "Current". */
  current: text().max(100).optional().catch(undefined),
});
