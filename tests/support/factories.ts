import { randomBytes } from "node:crypto";
import { createAccount } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";

// Hashing is argon2's job and tested elsewhere; the data tests need accounts fast.
const UNUSABLE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$not-a-real-hash";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@test.example`;
}

export async function makeUser(name = "Test User", email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"))) {
  return db().$transaction((tx) => createAccount(tx, { name, email, passwordHash: UNUSABLE_HASH }));
}

export async function makeWorkspace(ownerId: string, slug = `ws-${randomBytes(4).toString("hex")}`) {
  return db().workspace.create({
    data: { name: `Workspace ${slug}`, slug, kind: "PROJECT", memberships: { create: { userId: ownerId, role: "OWNER" } } },
  });
}

export async function addMember(workspaceId: string, userId: string, role: Role) {
  return db().membership.create({ data: { workspaceId, userId, role } });
}

/** A count of every row a refused action could have written, to prove it wrote none. */
export async function rowCounts() {
  const [users, workspaces, memberships, auditEvents, invitations, roles] = await Promise.all([
    db().user.count(),
    db().workspace.count(),
    db().membership.count(),
    db().auditEvent.count(),
    db().invitation.findMany({ orderBy: { id: "asc" } }),
    db().membership.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
  ]);
  return { users, workspaces, memberships, auditEvents, invitations, roles };
}

/** A workspace with one member of each role, for permission tables. */
export async function makeTeam() {
  const owner = await makeUser("Owner");
  const workspace = await makeWorkspace(owner.id);
  const [admin, developer, viewer, outsider] = await Promise.all(
    ["Admin", "Developer", "Viewer", "Outsider"].map((name) => makeUser(name)),
  );
  const memberships = {
    admin: await addMember(workspace.id, admin!.id, "ADMIN"),
    developer: await addMember(workspace.id, developer!.id, "DEVELOPER"),
    viewer: await addMember(workspace.id, viewer!.id, "VIEWER"),
  };
  return { workspace, owner, admin: admin!, developer: developer!, viewer: viewer!, outsider: outsider!, memberships };
}
