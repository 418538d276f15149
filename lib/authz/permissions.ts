import type { Role } from "@/generated/prisma/enums";
import type { CatalogSafe } from "./permission-message-id";

export const ROLES = ["OWNER", "ADMIN", "DEVELOPER", "VIEWER"] as const satisfies readonly Role[];

/** Higher number, more power. Used for "nobody grants a role above their own". */
export const ROLE_RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, DEVELOPER: 2, VIEWER: 1 };

export const ROLE_LABEL: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  DEVELOPER: "Developer",
  VIEWER: "Viewer",
};

interface PermissionSpec {
  /** The roles that hold the key before any grant. Only ["OWNER"] makes it owner-only. */
  roles: readonly Role[];
  /** Whether an admin can grant it to a member or team below Admin (all grants start off). */
  grantable: boolean;
  label: string;
  description: string;
  /** Only reads: a read-only API key keeps exactly these keys of its creator's. */
  reads?: true;
}

const OWNER = ["OWNER"] as const;
const STAFF = ["OWNER", "ADMIN"] as const;
const EVERYONE = ROLES;
const BUILDERS = ["OWNER", "ADMIN", "DEVELOPER"] as const;

/**
 * The one permission table: every key a member can hold in a workspace, who holds it by role, whether
 * it can be granted, and how it reads. The key lists, the grantable subset, the labels and the
 * owner-only set below are all derived from it; a new key is one new row.
 */
export const PERMISSIONS = {
  "workspace.read": { roles: EVERYONE, grantable: false, label: "See the workspace", description: "Open the workspace and its overview", reads: true },
  "workspace.update": { roles: STAFF, grantable: false, label: "Edit settings", description: "Name, slug, logo and colour" },
  "workspace.delete": { roles: OWNER, grantable: false, label: "Delete the workspace", description: "Delete it with everything in it" },
  "workspace.transferOwnership": { roles: OWNER, grantable: false, label: "Transfer ownership", description: "Make another member the owner" },
  "members.read": { roles: EVERYONE, grantable: false, label: "See members", description: "The member list and their roles", reads: true },
  "members.invite": { roles: STAFF, grantable: false, label: "Invite", description: "Invite people by email, resend and revoke invitations" },
  "members.manage": { roles: STAFF, grantable: false, label: "Manage members", description: "Change roles and permissions, remove members" },
  "teams.manage": { roles: STAFF, grantable: false, label: "Manage teams", description: "Create teams, set their members and grants" },
  "audit.read": { roles: STAFF, grantable: false, label: "Audit log", description: "Read and export the audit log", reads: true },
  "billing.read": { roles: STAFF, grantable: false, label: "See billing", description: "Balance, plan and transactions", reads: true },
  "billing.manage": { roles: OWNER, grantable: false, label: "Manage billing", description: "Top up, change the plan" },
  "quotas.manage": { roles: STAFF, grantable: false, label: "Quotas", description: "Ask for higher quotas" },
  "alerts.manage": { roles: STAFF, grantable: false, label: "Alerting", description: "Channels and alert rules" },
  "ai.manage": { roles: STAFF, grantable: false, label: "AI settings", description: "Provider, model and key" },
  "api.use": { roles: BUILDERS, grantable: false, label: "Use the API", description: "Create read-only API keys (write keys from Admin up)", reads: true },
  "apiKeys.manage": { roles: STAFF, grantable: false, label: "Manage API keys", description: "See every key of the workspace, create write keys, revoke any key" },
  "resources.manage": { roles: STAFF, grantable: false, label: "Manage resources", description: "Create and delete projects, servers and instances" },
  "secrets.manage": { roles: STAFF, grantable: false, label: "Secrets", description: "Set and delete environment secrets" },
  "projects.access": { roles: STAFF, grantable: true, label: "Access Projects", description: "Open the Projects pages for the allowed projects", reads: true },
  "instances.restart": { roles: STAFF, grantable: true, label: "Restart", description: "Soft and hard restarts" },
  "instances.connect": { roles: STAFF, grantable: true, label: "Connect as user", description: "Open a shell session as a system user" },
  "projects.merge": { roles: STAFF, grantable: true, label: "Merge branches", description: "Merge a branch into another (needs Access Projects)" },
  "instances.stop": { roles: STAFF, grantable: true, label: "Stop and start", description: "Stop a running instance and start it again" },
  "instances.delete": { roles: STAFF, grantable: true, label: "Delete instances", description: "Development and staging only" },
  "backups.manage": { roles: STAFF, grantable: true, label: "Backups", description: "Create, download, restore and delete" },
  "logs.view": { roles: STAFF, grantable: true, label: "View logs", description: "Application and deployment logs", reads: true },
  "ide.use": { roles: STAFF, grantable: true, label: "Web IDE", description: "Open the web IDE" },
  "instances.settings": { roles: STAFF, grantable: true, label: "Instance settings", description: "See and edit the Settings tab" },
} as const satisfies Record<string, PermissionSpec>;

export type PermissionKey = keyof typeof PERMISSIONS;
export type GrantableKey = { [K in PermissionKey]: (typeof PERMISSIONS)[K]["grantable"] extends true ? K : never }[PermissionKey];

export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as PermissionKey[];

/** A key's name in the message catalog (`permissions.keys.<id>.label`): next-intl reads dots as nesting. */
export type PermissionMessageId = CatalogSafe<PermissionKey>;

export { permissionMessageId } from "./permission-message-id";

/** The keys an admin can grant to a member or team below Admin, in the table's order. */
export const GRANTABLE_KEYS = PERMISSION_KEYS.filter((key): key is GrantableKey => PERMISSIONS[key].grantable) as [
  GrantableKey,
  ...GrantableKey[],
];

/** The keys that only read: all a read-only API key may use of its creator's permissions. */
export const READ_KEYS: ReadonlySet<PermissionKey> = new Set(PERMISSION_KEYS.filter((key) => "reads" in PERMISSIONS[key]));

/** Actions only an owner may take, whatever else an admin holds. */
export const OWNER_ONLY: ReadonlySet<PermissionKey> = new Set(
  PERMISSION_KEYS.filter((key) => PERMISSIONS[key].roles.every((role) => role === "OWNER")),
);

/** Whether a role holds the key before any grant (owners hold every key). */
export function roleHolds(role: Role, key: PermissionKey): boolean {
  return role === "OWNER" || (PERMISSIONS[key].roles as readonly Role[]).includes(role);
}

/** Nobody grants a role above their own: inviting, changing a role, a team's role floor. */
export function mayGrantRole(actorRole: Role, role: Role): boolean {
  return ROLE_RANK[role] <= ROLE_RANK[actorRole];
}

/**
 * Whether a member with `actorRole` may change or remove a member with `targetRole`: they must hold
 * members.manage, the owner is changed only by transferring ownership, and nobody manages a role above
 * their own. The members page asks this to show a row's menu; the server enforces the same call.
 */
export function mayManageRole(actorRole: Role, targetRole: Role): boolean {
  return roleHolds(actorRole, "members.manage") && targetRole !== "OWNER" && ROLE_RANK[targetRole] <= ROLE_RANK[actorRole];
}

/**
 * A team can lift its members to Developer at most: Admin (managing members, every resource) is given
 * only through the membership's own role, where the one-owner and ranking rules are enforced.
 */
export const TEAM_FLOOR_MAX: Role = "DEVELOPER";

function capFloor(floor: Role): Role {
  return ROLE_RANK[floor] > ROLE_RANK[TEAM_FLOOR_MAX] ? TEAM_FLOOR_MAX : floor;
}

/**
 * Where a grant comes from, for "why can they?" and for expiry. Every grant the membership row loads
 * carries one; `expiresAt` (ISO, UTC) is when it stops counting (null: until removed). A custom role
 * held through a team names the team too, and its expiry is the earlier of the two.
 */
export type GrantSource =
  | { kind: "direct"; expiresAt: string | null }
  | { kind: "team"; id: string; name: string; expiresAt: string | null }
  | { kind: "customRole"; id: string; name: string; expiresAt: string | null; team?: { id: string; name: string } | null }
  | { kind: "accessRequest"; id: string; expiresAt: string | null };

/** A member's own grant, a team's, a custom role's or an approved request's: one shape, added up one way. */
export interface Grant {
  actions: readonly string[];
  projectIds: readonly string[];
  instanceIds: readonly string[];
  serverIds: readonly string[];
  roleFloor?: Role | null;
  source?: GrantSource;
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
 * Whether a grant still counts at `now`: it stops at its expiry instant exactly. The query that loads
 * grants already drops expired ones; checking again here keeps the rule in one testable place and
 * covers a grant that expires between the query and its use.
 */
export function grantIsLive(grant: Grant, now?: Date): boolean {
  const expiresAt = grant.source?.expiresAt;
  return !now || !expiresAt || Date.parse(expiresAt) > now.getTime();
}

/**
 * Pure: what a membership may do, from its role and every grant that applies to it (its own, each of
 * its teams', custom roles' and approved requests'). Owners hold everything; admins every key but the
 * owner-only ones, on every resource; developers and viewers read, plus the union of their grants'
 * grantable actions on the union of their lists. With `now`, grants expired by then count for nothing.
 */
export function effectivePermissions(memberRole: Role, grants: readonly Grant[] = [], now?: Date): EffectivePermissions {
  const live = grants.filter((grant) => grantIsLive(grant, now));
  const role = raisedRole(memberRole, live).role;
  if (role === "OWNER") return { role, actions: new Set(PERMISSION_KEYS), allow: "all" };
  const actions = new Set<PermissionKey>();
  for (const key of PERMISSION_KEYS) {
    if (roleHolds(role, key)) actions.add(key);
  }
  if (role === "ADMIN") return { role, actions, allow: "all" };
  const projects = new Set<string>();
  const instances = new Set<string>();
  const servers = new Set<string>();
  for (const grant of live) {
    for (const key of grant.actions) if (GRANTABLE.has(key)) actions.add(key as PermissionKey);
    grant.projectIds.forEach((id) => projects.add(id));
    grant.instanceIds.forEach((id) => instances.add(id));
    grant.serverIds.forEach((id) => servers.add(id));
  }
  return { role, actions, allow: { projects, instances, servers } };
}

/** The role in force and the grant whose team floor raised it there (null: the membership's own). */
function raisedRole(memberRole: Role, grants: readonly Grant[]): { role: Role; by: Grant | null } {
  let role = memberRole;
  let by: Grant | null = null;
  for (const grant of grants) {
    const floor = grant.roleFloor ? capFloor(grant.roleFloor) : null;
    if (floor && ROLE_RANK[floor] > ROLE_RANK[role]) {
      role = floor;
      by = grant;
    }
  }
  return { role, by };
}

/** Where one held key comes from: the role in force (and the team that raised it), or a grant. */
export type PermissionSource =
  | { kind: "role"; role: Role; team?: { id: string; name: string } | null }
  | GrantSource;

export interface ResourceLists {
  projectIds: readonly string[];
  instanceIds: readonly string[];
  serverIds: readonly string[];
}

export interface PermissionExplanation {
  key: PermissionKey;
  /** Each source that grants the key, with the resources that source lists ("all" for a role from Admin up). */
  sources: { source: PermissionSource; resources: ResourceLists | "all" }[];
}

/**
 * Pure, and agrees with effectivePermissions key for key: for every key the member holds, which
 * sources grant it and on which resources they list. Below Admin, an action from any source applies
 * on the resources of every source (the allow-lists are one union), so the resources a source lists
 * say where it widened access, not a fence around its own actions.
 */
export function explainPermissions(memberRole: Role, grants: readonly Grant[] = [], now?: Date): PermissionExplanation[] {
  const live = grants.filter((grant) => grantIsLive(grant, now));
  const perms = effectivePermissions(memberRole, live);
  const { role, by } = raisedRole(memberRole, live);
  const roleSource: PermissionSource = {
    kind: "role",
    role,
    team: by?.source?.kind === "team" ? { id: by.source.id, name: by.source.name } : null,
  };
  const everything = role === "OWNER" || role === "ADMIN";
  return PERMISSION_KEYS.filter((key) => perms.actions.has(key)).map((key) => {
    const sources: PermissionExplanation["sources"] = [];
    if (roleHolds(role, key)) sources.push({ source: roleSource, resources: everything ? "all" : EMPTY_LISTS });
    if (!everything && GRANTABLE.has(key)) {
      for (const grant of live) {
        if (!grant.actions.includes(key)) continue;
        sources.push({
          source: grant.source ?? { kind: "direct", expiresAt: null },
          resources: { projectIds: grant.projectIds, instanceIds: grant.instanceIds, serverIds: grant.serverIds },
        });
      }
    }
    return { key, sources };
  });
}

const EMPTY_LISTS: ResourceLists = { projectIds: [], instanceIds: [], serverIds: [] };

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
