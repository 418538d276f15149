import { describe, expect, it } from "vitest";
import { effectivePermissions, OWNER_ONLY, PERMISSION_KEYS, roleAtMost, ROLES, type PermissionKey } from "./permissions";

// The expected role table, written out by hand so a change to ROLE_DEFAULTS has to change this too.
const EXPECTED: Record<(typeof ROLES)[number], PermissionKey[]> = {
  OWNER: [...PERMISSION_KEYS],
  ADMIN: ["workspace.read", "workspace.update", "members.read", "members.invite", "members.manage", "audit.read"],
  DEVELOPER: ["workspace.read", "members.read"],
  VIEWER: ["workspace.read", "members.read"],
};

describe("effectivePermissions", () => {
  it.each(ROLES)("gives %s exactly its row of the table", (role) => {
    expect([...effectivePermissions(role).actions].sort()).toEqual([...EXPECTED[role]].sort());
  });

  it("keeps owner-only keys from every role but the owner", () => {
    for (const role of ROLES.filter((r) => r !== "OWNER")) {
      for (const key of OWNER_ONLY) expect(effectivePermissions(role).actions.has(key)).toBe(false);
    }
  });
});

describe("roleAtMost", () => {
  it("orders Owner > Admin > Developer > Viewer", () => {
    expect(roleAtMost("VIEWER", "DEVELOPER")).toBe(true);
    expect(roleAtMost("ADMIN", "ADMIN")).toBe(true);
    expect(roleAtMost("OWNER", "ADMIN")).toBe(false);
    expect(roleAtMost("ADMIN", "DEVELOPER")).toBe(false);
  });
});
