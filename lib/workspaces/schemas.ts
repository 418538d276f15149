import { z } from "zod";
import { SLUG_MESSAGES, slugProblem } from "./slug";
import { recordId, text } from "@/lib/schemas";

export const slugSchema = text()
  .trim()
  .toLowerCase()
  .superRefine((slug, ctx) => {
    const problem = slugProblem(slug);
    if (problem) ctx.addIssue({ code: "custom", message: SLUG_MESSAGES[problem] });
  });

export const workspaceNameSchema = text()
  .trim()
  .min(1, "Enter a name")
  .max(64, "Keep the name under 64 characters");

export const WORKSPACE_KINDS = ["PROJECT", "ENVIRONMENT"] as const;
export const WORKSPACE_STAGES = ["DEVELOPMENT", "STAGING", "PRODUCTION"] as const;

export const CreateWorkspaceSchema = z
  .object({
    name: workspaceNameSchema,
    slug: slugSchema,
    kind: z.enum(WORKSPACE_KINDS, { message: "Choose a kind" }),
    stage: z.enum(WORKSPACE_STAGES, { message: "Choose a stage" }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "ENVIRONMENT" && !value.stage) {
      ctx.addIssue({ code: "custom", path: ["stage"], message: "Choose the stage of this environment" });
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
  description: text().trim().max(500, "Keep the description under 500 characters"),
});
export type UpdateGeneralInput = z.input<typeof UpdateGeneralSchema>;

export const RenameSlugSchema = z.object({ slug: slugSchema });
export type RenameSlugInput = z.input<typeof RenameSlugSchema>;

export const ColorSchema = z.object({
  color: text()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour like #4338ca")
    .transform((c) => c.toLowerCase()),
});
export type ColorInput = z.input<typeof ColorSchema>;

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

/** Checked in the browser before upload and again by the action; the action also reads the bytes. */
export const LogoFileSchema = z
  .instanceof(File, { message: "Choose an image file" })
  .refine((file) => file.size > 0, "That file is empty")
  .refine((file) => file.size <= LOGO_MAX_BYTES, "Use an image of at most 1 MB")
  .refine((file) => (LOGO_TYPES as readonly string[]).includes(file.type), "Use a PNG, JPEG or WebP image");

export const LogoUploadSchema = z.instanceof(FormData, { message: "Choose an image file" }).transform((form, ctx) => {
  const parsed = LogoFileSchema.safeParse(form.get("logo"));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["logo"], message: issue.message });
    return z.NEVER;
  }
  return { logo: parsed.data };
});

export const ConfirmSlugSchema = z.object({
  confirmSlug: text().trim().min(1, "Type the workspace slug to confirm").max(64),
});
export type ConfirmSlugInput = z.input<typeof ConfirmSlugSchema>;

export const RequireTwoFactorSchema = z.object({ required: z.boolean({ message: "Choose whether to require it" }) });
export type RequireTwoFactorInput = z.input<typeof RequireTwoFactorSchema>;
