import { describe, expect, it } from "vitest";
import {
  canAccess,
  canDo,
  effectivePermissions,
  explainPermissions,
  GRANTABLE_KEYS,
  READ_KEYS,
  OWNER_ONLY,
  PERMISSION_KEYS,
  mayGrantRole,
  mayManageRole,
  PERMISSIONS,
  ROLES,
  type Grant,
  type GrantSource,
  type PermissionKey,
} from "./permissions";

const READ: PermissionKey[] = ["workspace.read", "members.read"];
// The expected role table, written out by hand so a change to the permission table has to change this too.
const EXPECTED: Record<(typeof ROLES)[number], PermissionKey[]> = {
  OWNER: [...PERMISSION_KEYS],
  ADMIN: PERMISSION_KEYS.filter((k) => !OWNER_ONLY.has(k)),
  // The API is what tells a Developer from a Viewer before any grant.
  DEVELOPER: [...READ, "api.use"],
  VIEWER: READ,
};

const grant = (partial: Partial<Grant>): Grant => ({ actions: [], projectIds: [], instanceIds: [], serverIds: [], ...partial });

describe("effectivePermissions: roles alone", () => {
  it.each(ROLES)("gives %s exactly its row of the table", (role) => {
    expect([...effectivePermissions(role).actions].sort()).toEqual([...EXPECTED[role]].sort());
  });

  it("marks as reads exactly the keys a read-only API key keeps", () => {
    expect([...READ_KEYS].sort()).toEqual(["api.use", "audit.read", "billing.read", "logs.view", "members.read", "projects.access", "workspace.read"]);
  });

  it("keeps owner-only keys from every role but the owner", () => {
    for (const role of ROLES.filter((r) => r !== "OWNER")) {
      for (const key of OWNER_ONLY) expect(effectivePermissions(role).actions.has(key)).toBe(false);
    }
  });

  it("gives admins and owners every resource, and members below nothing", () => {
    expect(effectivePermissions("OWNER").allow).toBe("all");
    expect(effectivePermissions("ADMIN").allow).toBe("all");
    const dev = effectivePermissions("DEVELOPER");
    expect(canAccess(dev, { kind: "instance", id: "i1", projectId: "p1" })).toBe(false);
    expect(canAccess(dev, { kind: "server", id: "s1" })).toBe(false);
  });
});

describe("effectivePermissions: grants and teams", () => {
  it("adds a grant's actions on its resources only", () => {
    const perms = effectivePermissions("DEVELOPER", [grant({ actions: ["instances.restart"], projectIds: ["p1"] })]);
    expect(canDo(perms, "instances.restart", { kind: "instance", id: "i1", projectId: "p1" })).toBe(true);
    expect(canDo(perms, "instances.restart", { kind: "instance", id: "i2", projectId: "p2" })).toBe(false);
    expect(canDo(perms, "instances.stop", { kind: "instance", id: "i1", projectId: "p1" })).toBe(false);
  });

  it("unions a member's own grant with every team's", () => {
    const perms = effectivePermissions("VIEWER", [
      grant({ actions: ["logs.view"], instanceIds: ["i1"] }),
      grant({ actions: ["instances.restart"], instanceIds: ["i2"], serverIds: ["s1"] }),
    ]);
    expect(canDo(perms, "instances.restart", { kind: "instance", id: "i1", projectId: "px" })).toBe(true);
    expect(canDo(perms, "logs.view", { kind: "instance", id: "i2", projectId: "px" })).toBe(true);
    expect(canAccess(perms, { kind: "server", id: "s1" })).toBe(true);
  });

  it("never grants what is not grantable, whatever a row says", () => {
    const perms = effectivePermissions("DEVELOPER", [
      grant({ actions: ["secrets.manage", "members.manage", "workspace.delete", "nonsense", ...GRANTABLE_KEYS] }),
    ]);
    for (const key of ["secrets.manage", "members.manage", "workspace.delete", "resources.manage"] as const) {
      expect(perms.actions.has(key)).toBe(false);
    }
    for (const key of GRANTABLE_KEYS) expect(perms.actions.has(key)).toBe(true);
  });

  it("shows a project's pages only with Access Projects and the project listed", () => {
    const listed = effectivePermissions("DEVELOPER", [grant({ projectIds: ["p1"] })]);
    expect(canAccess(listed, { kind: "project", id: "p1" })).toBe(false);
    const both = effectivePermissions("DEVELOPER", [grant({ actions: ["projects.access"], projectIds: ["p1"] })]);
    expect(canAccess(both, { kind: "project", id: "p1" })).toBe(true);
    expect(canAccess(both, { kind: "project", id: "p2" })).toBe(false);
  });

  it("raises the role to a team's floor, but never past Developer", () => {
    expect(effectivePermissions("VIEWER", [grant({ roleFloor: "ADMIN" })]).role).toBe("DEVELOPER");
    expect(effectivePermissions("VIEWER", [grant({ roleFloor: "OWNER" })]).allow).not.toBe("all");
    expect(effectivePermissions("ADMIN", [grant({ roleFloor: "VIEWER" })]).role).toBe("ADMIN");
    expect(effectivePermissions("VIEWER", [grant({ roleFloor: "DEVELOPER" })]).role).toBe("DEVELOPER");
  });
});

describe("the permission table", () => {
  it("derives the owner-only set and the grantable keys from its rows", () => {
    expect([...OWNER_ONLY].sort()).toEqual(["billing.manage", "workspace.delete", "workspace.transferOwnership"]);
    expect(GRANTABLE_KEYS).toEqual([
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
    ]);
    for (const key of PERMISSION_KEYS) expect(PERMISSIONS[key].label.length).toBeGreaterThan(0);
  });

  it("never makes an owner-only key grantable", () => {
    for (const key of OWNER_ONLY) expect(PERMISSIONS[key].grantable).toBe(false);
  });
});

describe("role rules", () => {
  it("lets nobody grant a role above their own (Owner > Admin > Developer > Viewer)", () => {
    expect(mayGrantRole("DEVELOPER", "VIEWER")).toBe(true);
    expect(mayGrantRole("ADMIN", "ADMIN")).toBe(true);
    expect(mayGrantRole("ADMIN", "OWNER")).toBe(false);
    expect(mayGrantRole("DEVELOPER", "ADMIN")).toBe(false);
  });

  it.each([
    ["OWNER", "ADMIN", true],
    ["OWNER", "OWNER", false],
    ["ADMIN", "ADMIN", true],
    ["ADMIN", "VIEWER", true],
    ["ADMIN", "OWNER", false],
    ["DEVELOPER", "VIEWER", false],
    ["VIEWER", "VIEWER", false],
  ] as const)("%s may manage %s: %s", (actor, target, expected) => {
    expect(mayManageRole(actor, target)).toBe(expected);
  });
});

describe("expiry: a grant counts until its instant, and not from it", () => {
  const expiresAt = "2026-12-01T12:00:00.000Z";
  const at = (offsetMs: number) => new Date(Date.parse(expiresAt) + offsetMs);
  const sources: GrantSource[] = [
    { kind: "direct", expiresAt },
    { kind: "team", id: "t1", name: "Ops", expiresAt },
    { kind: "customRole", id: "r1", name: "Operator", expiresAt },
    { kind: "customRole", id: "r1", name: "Operator", expiresAt, team: { id: "t1", name: "Ops" } },
    { kind: "accessRequest", id: "a1", expiresAt },
  ];

  it.each(sources)("$kind: held one second before, gone at the instant and one second after", (source) => {
    const grants = [grant({ actions: ["instances.restart"], projectIds: ["p1"], source })];
    const ref = { kind: "instance" as const, id: "i1", projectId: "p1" };
    expect(canDo(effectivePermissions("DEVELOPER", grants, at(-1000)), "instances.restart", ref)).toBe(true);
    expect(canDo(effectivePermissions("DEVELOPER", grants, at(0)), "instances.restart", ref)).toBe(false);
    expect(canDo(effectivePermissions("DEVELOPER", grants, at(1000)), "instances.restart", ref)).toBe(false);
    expect(explainPermissions("DEVELOPER", grants, at(-1000)).some((e) => e.key === "instances.restart")).toBe(true);
    expect(explainPermissions("DEVELOPER", grants, at(1000)).some((e) => e.key === "instances.restart")).toBe(false);
  });

  it("drops an expired grant's resources too, and keeps a grant without expiry", () => {
    const grants = [
      grant({ actions: ["logs.view"], projectIds: ["p1"], source: { kind: "direct", expiresAt } }),
      grant({ actions: ["instances.stop"], projectIds: ["p2"], source: { kind: "team", id: "t1", name: "Ops", expiresAt: null } }),
    ];
    const perms = effectivePermissions("DEVELOPER", grants, at(1000));
    expect(canAccess(perms, { kind: "instance", id: "i1", projectId: "p1" })).toBe(false);
    expect(canDo(perms, "instances.stop", { kind: "instance", id: "i2", projectId: "p2" })).toBe(true);
  });

  it("ends a team's role floor with its expiry", () => {
    const grants = [grant({ roleFloor: "DEVELOPER", source: { kind: "team", id: "t1", name: "Ops", expiresAt } })];
    expect(effectivePermissions("VIEWER", grants, at(-1000)).role).toBe("DEVELOPER");
    expect(effectivePermissions("VIEWER", grants, at(1000)).role).toBe("VIEWER");
  });

  it("ignores expiry without a `now` (the query already compared it)", () => {
    const grants = [grant({ actions: ["logs.view"], source: { kind: "direct", expiresAt: "2000-01-01T00:00:00.000Z" } })];
    expect(effectivePermissions("DEVELOPER", grants).actions.has("logs.view")).toBe(true);
  });
});

describe("explainPermissions: where each held key comes from", () => {
  const team = { kind: "team", id: "t1", name: "Ops", expiresAt: null } as const;
  const role = { kind: "customRole", id: "r1", name: "Operator", expiresAt: null } as const;
  const request = { kind: "accessRequest", id: "a1", expiresAt: "2026-12-01T12:00:00.000Z" } as const;

  it("explains exactly the keys effectivePermissions gives, for every role and any mix of grants", () => {
    const grants = [
      grant({ actions: ["instances.restart", "workspace.delete", "secrets.manage"], projectIds: ["p1"], source: team }),
      grant({ actions: ["logs.view"], serverIds: ["s1"], source: role }),
      grant({ actions: ["instances.stop"], instanceIds: ["i1"], source: request }),
      grant({ roleFloor: "DEVELOPER", source: team }),
    ];
    for (const r of ROLES) {
      expect(explainPermissions(r, grants).map((e) => e.key).sort()).toEqual([...effectivePermissions(r, grants).actions].sort());
      for (const e of explainPermissions(r, grants)) expect(e.sources.length).toBeGreaterThan(0);
    }
  });

  it("names each source that grants a key, with the resources it lists", () => {
    const grants = [
      grant({ actions: ["instances.restart"], projectIds: ["p1"], source: team }),
      grant({ actions: ["instances.restart", "logs.view"], serverIds: ["s1"], source: role }),
      grant({ actions: ["instances.restart"], instanceIds: ["i1"], source: request }),
      grant({ actions: ["ide.use"], source: { kind: "direct", expiresAt: null } }),
    ];
    const why = Object.fromEntries(explainPermissions("VIEWER", grants).map((e) => [e.key, e.sources]));
    expect(why["instances.restart"]).toEqual([
      { source: team, resources: { projectIds: ["p1"], instanceIds: [], serverIds: [] } },
      { source: role, resources: { projectIds: [], instanceIds: [], serverIds: ["s1"] } },
      { source: request, resources: { projectIds: [], instanceIds: ["i1"], serverIds: [] } },
    ]);
    expect(why["logs.view"]).toEqual([{ source: role, resources: { projectIds: [], instanceIds: [], serverIds: ["s1"] } }]);
    expect(why["ide.use"]).toEqual([{ source: { kind: "direct", expiresAt: null }, resources: { projectIds: [], instanceIds: [], serverIds: [] } }]);
    expect(why["workspace.read"]).toEqual([{ source: { kind: "role", role: "VIEWER", team: null }, resources: { projectIds: [], instanceIds: [], serverIds: [] } }]);
  });

  it("credits the built-in role for admins and owners, on every resource, and never a grant", () => {
    const grants = [grant({ actions: ["instances.restart"], projectIds: ["p1"], source: team })];
    for (const r of ["ADMIN", "OWNER"] as const) {
      const restart = explainPermissions(r, grants).find((e) => e.key === "instances.restart")!;
      expect(restart.sources).toEqual([{ source: { kind: "role", role: r, team: null }, resources: "all" }]);
    }
    expect(explainPermissions("ADMIN").some((e) => OWNER_ONLY.has(e.key))).toBe(false);
  });

  it("names the team whose floor raised the role", () => {
    const why = explainPermissions("VIEWER", [grant({ roleFloor: "DEVELOPER", source: team })]);
    expect(why.find((e) => e.key === "api.use")!.sources).toEqual([
      { source: { kind: "role", role: "DEVELOPER", team: { id: "t1", name: "Ops" } }, resources: { projectIds: [], instanceIds: [], serverIds: [] } },
    ]);
  });
});
