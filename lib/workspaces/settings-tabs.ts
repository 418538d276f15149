import type { PermissionKey } from "@/lib/authz/permissions";

/** Settings tabs in display order, each shown only to holders of its permission. */
export const SETTINGS_TABS: { segment: string; label: string; permission: PermissionKey }[] = [
  { segment: "general", label: "General", permission: "workspace.read" },
  { segment: "members", label: "Members", permission: "members.read" },
  { segment: "teams", label: "Teams", permission: "teams.manage" },
  { segment: "billing", label: "Billing", permission: "billing.read" },
  { segment: "quotas", label: "Quotas", permission: "quotas.manage" },
  { segment: "alerting", label: "Alerting", permission: "alerts.manage" },
  { segment: "ai", label: "AI", permission: "ai.manage" },
  { segment: "api-keys", label: "API keys", permission: "api.use" },
  { segment: "audit", label: "Audit log", permission: "audit.read" },
];
