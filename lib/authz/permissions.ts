import type { Role } from "@/generated/prisma/enums";

/**
 * Every action a member can be allowed to take in a workspace. Adding a key here forces a
 * decision in ROLE_DEFAULTS (the type requires every key to be listed there).
 */
export const PERMISSION_KEYS = [
  "workspace.read",
  "workspace.update",
  "workspace.delete",
  "workspace.transferOwnership",
  "members.read",
  "members.invite",
  "members.manage",
  "teams.manage",
  "audit.read",
  "billing.read",
  "billing.manage",
  "quotas.manage",
  "alerts.manage",
  "ai.manage",
  "resources.manage",
  "secrets.manage",
  "projects.access",
  "instances.restart",
  "instances.connect",
  "projects.merge",
  "instances.stop",
  "instances.delete",
  "backups.manage",
  "logs.view",
  "ide.use",
  "instances.settings",
] as const;

export type PermissionKey = (typeof PERMISSION_KEYS)[number];

/** The keys an admin can grant to a member or team below Admin; all off by default. */
export const GRANTABLE_KEYS = [
  "projects.access",
  "instances.restart",
  "instances.connect",
  "projects.merge",
  "instances.stop",
  "instances.delete",
  "backups.manage",
  "logs.view",
  "ide.use",
  "instances.settings",
] as const satisfies readonly PermissionKey[];
export type GrantableKey = (typeof GRANTABLE_KEYS)[number];

export const GRANTABLE_LABELS: Record<GrantableKey, { label: string; description: string }> = {
  "projects.access": { label: "Access Projects", description: "Open the Projects pages for the allowed projects" },
  "instances.restart": { label: "Restart", description: "Soft and hard restarts" },
  "instances.connect": { label: "Connect as user", description: "Open a shell session as a system user" },
  "projects.merge": { label: "Merge branches", description: "Merge a branch into another (needs Access Projects)" },
  "instances.stop": { label: "Stop and start", description: "Stop a running instance and start it again" },
  "instances.delete": { label: "Delete instances", description: "Development and staging only" },
  "backups.manage": { label: "Backups", description: "Create, download, restore and delete" },
  "logs.view": { label: "View logs", description: "Application and deployment logs" },
  "ide.use": { label: "Web IDE", description: "Open the web IDE" },
  "instances.settings": { label: "Instance settings", description: "See and edit the Settings tab" },
};

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
  "billing.manage",
]);

const STAFF = ["OWNER", "ADMIN"] as const;
const EVERYONE = ["OWNER", "ADMIN", "DEVELOPER", "VIEWER"] as const;

/** The role defaults, in one table: which roles hold each key before any grant. */
export const ROLE_DEFAULTS: Record<PermissionKey, readonly Role[]> = {
  "workspace.read": EVERYONE,
  "workspace.update": STAFF,
  "workspace.delete": ["OWNER"],
  "workspace.transferOwnership": ["OWNER"],
  "members.read": EVERYONE,
  "members.invite": STAFF,
  "members.manage": STAFF,
  "teams.manage": STAFF,
  "audit.read": STAFF,
  "billing.read": STAFF,
  "billing.manage": ["OWNER"],
  "quotas.manage": STAFF,
  "alerts.manage": STAFF,
  "ai.manage": STAFF,
  "resources.manage": STAFF,
  "secrets.manage": STAFF,
  "projects.access": STAFF,
  "instances.restart": STAFF,
  "instances.connect": STAFF,
  "projects.merge": STAFF,
  "instances.stop": STAFF,
  "instances.delete": STAFF,
  "backups.manage": STAFF,
  "logs.view": STAFF,
  "ide.use": STAFF,
  "instances.settings": STAFF,
};

/**
 * A team can lift its members to Developer at most: Admin (managing members, every resource) is given
 * only through the membership's own role, where the one-owner and ranking rules are enforced.
 */
export const TEAM_FLOOR_MAX: Role = "DEVELOPER";

function capFloor(floor: Role): Role {
  return ROLE_RANK[floor] > ROLE_RANK[TEAM_FLOOR_MAX] ? TEAM_FLOOR_MAX : floor;
}

/** A member's own grant or a team's: the same shape, so both add up the same way. */
export interface Grant {
  actions: readonly string[];
  projectIds: readonly string[];
  instanceIds: readonly string[];
  serverIds: readonly string[];
  roleFloor?: Role | null;
}

export interface AllowLists {
  projects: ReadonlySet<string>;
  instances: ReadonlySet<string>;
  servers: ReadonlySet<string>;
}

export interface EffectivePermissions {
  /** The membership's role, raised by any team's role floor (to Developer at most). */
  role: Role;
  actions: ReadonlySet<PermissionKey>;
  /** "all" from Admin up; below Admin, only what grants list (empty: nothing). */
  allow: AllowLists | "all";
}

const GRANTABLE: ReadonlySet<string> = new Set(GRANTABLE_KEYS);

/**
 * Pure: what a membership may do, from its role and every grant that applies to it (its own and
 * each of its teams'). Owners hold everything; admins every key but the owner-only ones, on every
 * resource; developers and viewers read, plus the union of their grants on the union of their lists.
 */
export function effectivePermissions(memberRole: Role, grants: readonly Grant[] = []): EffectivePermissions {
  let role = memberRole;
  for (const grant of grants) {
    const floor = grant.roleFloor ? capFloor(grant.roleFloor) : null;
    if (floor && ROLE_RANK[floor] > ROLE_RANK[role]) role = floor;
  }
  if (role === "OWNER") return { role, actions: new Set(PERMISSION_KEYS), allow: "all" };
  const actions = new Set<PermissionKey>();
  for (const key of PERMISSION_KEYS) {
    if (!OWNER_ONLY.has(key) && ROLE_DEFAULTS[key].includes(role)) actions.add(key);
  }
  if (role === "ADMIN") return { role, actions, allow: "all" };
  const projects = new Set<string>();
  const instances = new Set<string>();
  const servers = new Set<string>();
  for (const grant of grants) {
    for (const key of grant.actions) if (GRANTABLE.has(key)) actions.add(key as PermissionKey);
    grant.projectIds.forEach((id) => projects.add(id));
    grant.instanceIds.forEach((id) => instances.add(id));
    grant.serverIds.forEach((id) => servers.add(id));
  }
  return { role, actions, allow: { projects, instances, servers } };
}

export type ResourceRef =
  | { kind: "project"; id: string }
  | { kind: "instance"; id: string; projectId: string }
  | { kind: "server"; id: string };

/** Whether the resource is inside the caller's allow-lists (an instance also through its project). */
export function canAccess(perms: EffectivePermissions, ref: ResourceRef): boolean {
  if (perms.allow === "all") return true;
  switch (ref.kind) {
    case "project":
      return perms.actions.has("projects.access") && perms.allow.projects.has(ref.id);
    case "instance":
      return perms.allow.instances.has(ref.id) || perms.allow.projects.has(ref.projectId);
    case "server":
      return perms.allow.servers.has(ref.id);
  }
}

export function canDo(perms: EffectivePermissions, key: PermissionKey, ref: ResourceRef): boolean {
  return perms.actions.has(key) && canAccess(perms, ref);
}

export function roleAtMost(role: Role, ceiling: Role): boolean {
  return ROLE_RANK[role] <= ROLE_RANK[ceiling];
}
