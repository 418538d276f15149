import type { WorkspaceActionContext } from "@/lib/authz/types";
import type { Tx } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { enforceQuota } from "@/lib/quotas/service";
import type { ApiKeyAccess } from "@/generated/prisma/enums";
import { expiryDate, type ApiKeyExpiry } from "./schemas";
import { newApiKeySecret } from "./token";

type Ctx = WorkspaceActionContext;

/**
 * A new key acting for the caller. Everyone who may use the API gets read-only keys; a key that writes
 * needs apiKeys.manage (Admins and Owners). The secret is returned once and never stored.
 */
export async function createApiKey(ctx: Ctx, input: { name: string; access: ApiKeyAccess; expiresIn: ApiKeyExpiry }) {
  if (input.access === "WRITE" && !ctx.can("apiKeys.manage")) {
    throw Refusal.field("access", messageKey("errors.apiKeys.writeNeedsAdmin"));
  }
  await enforceQuota(ctx.tx, ctx.workspace.id, "API_KEYS");
  const { secret, prefix, secretHash } = newApiKeySecret();
  const key = await ctx.tx.apiKey.create({
    data: {
      workspaceId: ctx.workspace.id,
      createdById: ctx.user.id,
      name: input.name,
      access: input.access,
      prefix,
      secretHash,
      expiresAt: expiryDate(input.expiresIn),
    },
    select: { id: true, name: true, prefix: true, access: true, expiresAt: true },
  });
  await ctx.audit({
    action: "api_key.created",
    targetType: "api_key",
    targetId: key.id,
    metadata: { name: key.name, prefix: key.prefix, access: key.access, expiresAt: key.expiresAt?.toISOString() ?? null },
  });
  return { id: key.id, secret, prefix };
}

/** Revokes a key at once: its creator may revoke their own, apiKeys.manage any of the workspace's. */
export async function revokeApiKey(ctx: Ctx, apiKeyId: string) {
  const key = await ctx.tx.apiKey.findFirst({
    where: { id: apiKeyId, workspaceId: ctx.workspace.id, ...(ctx.can("apiKeys.manage") ? {} : { createdById: ctx.user.id }) },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
  if (!key) throw Refusal.notFound("That API key");
  if (key.revokedAt) return;
  await ctx.tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
  await ctx.audit({ action: "api_key.revoked", targetType: "api_key", targetId: key.id, metadata: { name: key.name, prefix: key.prefix } });
}

/**
 * A member's keys end with their membership. Each request already refuses a key whose creator left;
 * marking the keys revoked in the same transaction keeps the list honest and frees their quota.
 */
export async function revokeApiKeysOf(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  await tx.apiKey.updateMany({ where: { workspaceId, createdById: userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
