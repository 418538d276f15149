import type { WorkspaceContext } from "@/lib/authz/types";
import { db } from "@/lib/db";

export type ApiKeyStatus = "active" | "expired" | "revoked";

export function apiKeyStatus(key: { expiresAt: Date | null; revokedAt: Date | null }, now = new Date()): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

/** The workspace's keys for the API keys tab: every key for apiKeys.manage, else the caller's own. Newest first. */
export async function listApiKeys(ctx: WorkspaceContext) {
  const keys = await db().apiKey.findMany({
    where: { workspaceId: ctx.workspace.id, ...(ctx.can("apiKeys.manage") ? {} : { createdById: ctx.user.id }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      prefix: true,
      access: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { id: true, name: true, email: true } },
    },
  });
  return keys.map((key) => ({ ...key, status: apiKeyStatus(key) }));
}
