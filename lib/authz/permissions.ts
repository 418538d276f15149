import type { Role } from "@/generated/prisma/enums";

/**
 * Every action a member can be allowed to take in a workspace. Adding a key here forces a
 * decision in ROLE_DEFAULTS (the type requires every role to be listed for it).
 */
export const PERMISSION_KEYS = [
  "workspace.read",
  "workspace.update",
  "workspace.delete",
  "workspace.transferOwnership",
  "members.read",
  "members.invite",
  "members.manage",
  "audit.read",
] as const;

export type PermissionKey = (typeof PERMISSION_KEYS)[number];

export const ROLES = ["OWNER", "ADMIN", "DEVELOPER", "VIEWER"] as const satisfies readonly Role[];

/** Higher number, more power. Used for "nobody grants a role above their own". */
export const ROLE_RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, DEVELOPER: 2, VIEWER: 1 };

export const ROLE_LABEL: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  DEVELOPER: "Developer",
  VIEWER: "Viewer",
};

/** Actions only an owner may take, whatever else an admin holds. */
export const OWNER_ONLY: ReadonlySet<PermissionKey> = new Set([
  "workspace.delete",
  "workspace.transferOwnership",
]);

/** The role defaults, in one table: which roles hold each key before any per-member grant. */
export const ROLE_DEFAULTS: Record<PermissionKey, readonly Role[]> = {
  "workspace.read": ["OWNER", "ADMIN", "DEVELOPER", "VIEWER"],
  "workspace.update": ["OWNER", "ADMIN"],
  "workspace.delete": ["OWNER"],
  "workspace.transferOwnership": ["OWNER"],
  "members.read": ["OWNER", "ADMIN", "DEVELOPER", "VIEWER"],
  "members.invite": ["OWNER", "ADMIN"],
  "members.manage": ["OWNER", "ADMIN"],
  "audit.read": ["OWNER", "ADMIN"],
};

export interface EffectivePermissions {
  role: Role;
  actions: ReadonlySet<PermissionKey>;
}

/** Pure: what a membership may do. Owners hold every key; others what their role's defaults give. */
export function effectivePermissions(role: Role): EffectivePermissions {
  if (role === "OWNER") return { role, actions: new Set(PERMISSION_KEYS) };
  const actions = new Set<PermissionKey>();
  for (const key of PERMISSION_KEYS) {
    if (OWNER_ONLY.has(key)) continue;
    if (ROLE_DEFAULTS[key].includes(role)) actions.add(key);
  }
  return { role, actions };
}

export function roleAtMost(role: Role, ceiling: Role): boolean {
  return ROLE_RANK[role] <= ROLE_RANK[ceiling];
}
