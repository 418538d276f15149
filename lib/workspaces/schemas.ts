import { z } from "zod";
import { SLUG_MESSAGES, slugProblem } from "./slug";

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((slug, ctx) => {
    const problem = slugProblem(slug);
    if (problem) ctx.addIssue({ code: "custom", message: SLUG_MESSAGES[problem] });
  });

export const workspaceNameSchema = z
  .string()
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
  workspaceId: z.string().min(1).max(64),
});
