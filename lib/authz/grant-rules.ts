/**
 * The role rules of lib/authz/permissions.ts as refusals a form can show. Pure (no database, no
 * server-only imports), so inviting, changing a role, a team's floor and any future entry point share
 * one rule and one wording. Callers pass roles read under the workspace lock, never the request's copy.
 */
import type { Role } from "@/generated/prisma/enums";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { mayGrantRole, mayManageRole, roleHolds } from "./permissions";

/** Nobody grants Owner (there is one, moved by a transfer) nor a role above their own. */
export function assertMayGrant(actorRole: Role, role: Role, field = "role"): void {
  if (role === "OWNER") throw Refusal.field(field, messageKey("errors.authz.ownerIsTransferred"));
  if (!mayGrantRole(actorRole, role)) throw Refusal.field(field, messageKey("errors.authz.roleAboveOwn", { role }));
}

/** Refuses, with the reason, what mayManageRole refuses. */
export function assertMayManage(actorRole: Role, targetRole: Role): void {
  if (mayManageRole(actorRole, targetRole)) return;
  if (!roleHolds(actorRole, "members.manage")) {
    throw new Refusal("FORBIDDEN", messageKey("errors.authz.forbiddenManage"));
  }
  if (targetRole === "OWNER") {
    throw new Refusal("FORBIDDEN", messageKey("errors.authz.ownerUntouchable"));
  }
  throw new Refusal("FORBIDDEN", messageKey("errors.authz.targetAbove"));
}
