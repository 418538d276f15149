/**
 * Audit action names ("member.role_changed") as catalog keys: next-intl reads a dot as nesting, so the
 * label of an action is `audit.actions.member_role_changed`. One place maps them, for the table and the
 * filter; an action without a label (one added later, or from a test) is shown by its name.
 */
export function auditActionKey(action: string): string {
  return action.replaceAll(".", "_");
}
