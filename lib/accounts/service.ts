import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { Refusal } from "@/lib/errors";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { createPersonalWorkspace } from "@/lib/workspaces/service";

export interface AccountSummary {
  id: string;
  name: string;
  email: string;
}

/** Answers null for a wrong password and for an unknown email alike, in about the same time. */
export async function verifyCredentials(email: string, password: string): Promise<AccountSummary | null> {
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, name: user.name, email: user.email };
}

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
