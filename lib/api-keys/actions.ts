"use server";

import { workspaceAction } from "@/lib/authz";
import { ApiKeyIdSchema, CreateApiKeySchema } from "./schemas";
import { createApiKey, revokeApiKey } from "./service";

export const createApiKeyAction = workspaceAction(
  { name: "apiKeys.create", permission: "api.use", input: CreateApiKeySchema },
  (ctx, input) => createApiKey(ctx, input),
);

export const revokeApiKeyAction = workspaceAction(
  { name: "apiKeys.revoke", permission: "api.use", input: ApiKeyIdSchema },
  (ctx, input) => revokeApiKey(ctx, input.apiKeyId),
);
