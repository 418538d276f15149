import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { createPersonalWorkspace } from "@/lib/workspaces/service";
import type { AccountSummary } from "./queries";

/** The password is hashed by the caller, outside the transaction, to keep the transaction short.
 * Creates the account and its personal workspace (owner, default) in one transaction. */
export async function createAccount(
  tx: Tx,
  input: { name: string; email: string; passwordHash: string },
): Promise<AccountSummary & { personalWorkspaceSlug: string }> {
  let user;
  try {
    user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash: input.passwordHash },
      select: { id: true, name: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) {
      throw Refusal.field("email", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
  const workspace = await createPersonalWorkspace(tx, user);
  return { ...user, personalWorkspaceSlug: workspace.slug };
}

/**
 * Grants or revokes platform-operator status (quota reviews across workspaces). Only the operator
 * command calls this: the flag is never set from anything a person can type at sign-up.
 * Returns false when no account has that address.
 */
export async function setPlatformOperator(client: Tx, email: string, isPlatformOperator: boolean): Promise<boolean> {
  const { count } = await client.user.updateMany({ where: { email: email.trim().toLowerCase() }, data: { isPlatformOperator } });
  return count === 1;
}
