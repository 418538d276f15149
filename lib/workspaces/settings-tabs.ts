import type { PermissionKey } from "@/lib/authz/permissions";

/**
 * Settings tabs in display order, each shown only to holders of its permission. The label is the
 * catalog's `settingsTabs.tabs.<segment>`, looked up where the tabs are rendered.
 */
export const SETTINGS_TABS = [
  { segment: "general", permission: "workspace.read" },
  { segment: "members", permission: "members.read" },
  { segment: "teams", permission: "teams.manage" },
  { segment: "roles", permission: "members.manage" },
  // Every member's own "why can I?": what they hold and where it comes from.
  { segment: "access", permission: "workspace.read" },
  { segment: "billing", permission: "billing.read" },
  { segment: "quotas", permission: "quotas.manage" },
  { segment: "alerting", permission: "alerts.manage" },
  { segment: "ai", permission: "ai.manage" },
  { segment: "api-keys", permission: "api.use" },
  // Everyone: owners and admins decide requests there, the others follow their own.
  { segment: "access-requests", permission: "workspace.read" },
  { segment: "audit", permission: "audit.read" },
] as const satisfies readonly { segment: string; permission: PermissionKey }[];
