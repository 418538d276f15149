import type { WorkspaceActionContext } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { encryptSecret, secretHint } from "@/lib/crypto/secrets";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { Environment } from "@/generated/prisma/enums";

/** Binds each ciphertext to its row's identity, so a value copied onto another secret fails to decrypt. */
export const secretContext = (workspaceId: string, environment: Environment, name: string) => `secret:${workspaceId}:${environment}:${name}`;

export async function setSecret(ctx: WorkspaceActionContext, input: { environment: Environment; name: string; value: string }) {
  const data = {
    ciphertext: encryptSecret(input.value, secretContext(ctx.workspace.id, input.environment, input.name)),
    hint: secretHint(input.value),
  };
  const key = { workspaceId: ctx.workspace.id, environment: input.environment, name: input.name };
  const existing = await ctx.tx.secret.findUnique({ where: { workspaceId_environment_name: key }, select: { id: true } });
  const secret = existing
    ? await ctx.tx.secret.update({ where: { id: existing.id }, data, select: { id: true } })
    : await ctx.tx.secret.create({ data: { ...key, ...data }, select: { id: true } });
  // The value never reaches the audit log; its name and environment do.
  await ctx.audit({
    action: existing ? "secret.updated" : "secret.created",
    targetType: "secret",
    targetId: secret.id,
    metadata: { name: input.name, environment: input.environment },
  });
  return { id: secret.id, hint: data.hint };
}

export async function deleteSecret(ctx: WorkspaceActionContext, secretId: string) {
  const secret = await ctx.tx.secret.findFirst({ where: { id: secretId, workspaceId: ctx.workspace.id } });
  if (!secret) throw new Refusal("NOT_FOUND", messageKey("errors.secrets.notFound"));
  await ctx.tx.secret.delete({ where: { id: secret.id } });
  await ctx.audit({ action: "secret.deleted", targetType: "secret", targetId: secret.id, metadata: { name: secret.name, environment: secret.environment } });
}

/** Names and hints only: a value never leaves the server in full. */
export async function listSecrets(workspaceId: string) {
  return db().secret.findMany({
    where: { workspaceId },
    orderBy: [{ environment: "asc" }, { name: "asc" }],
    select: { id: true, environment: true, name: true, hint: true, updatedAt: true },
  });
}
