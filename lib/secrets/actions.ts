"use server";

import { workspaceAction } from "@/lib/authz";
import { SecretIdSchema, SetSecretSchema } from "@/lib/resources/schemas";
import { deleteSecret, setSecret } from "@/lib/secrets/service";

export const setSecretAction = workspaceAction(
  { name: "secrets.set", permission: "secrets.manage", input: SetSecretSchema },
  (ctx, input) => setSecret(ctx, input),
);

export const deleteSecretAction = workspaceAction(
  { name: "secrets.delete", permission: "secrets.manage", input: SecretIdSchema },
  (ctx, input) => deleteSecret(ctx, input.secretId),
);
