import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMember, makeUser, makeWorkspace } from "@/tests/support/factories";
import { loadWorkspaceContext } from "./context";

describe("loadWorkspaceContext", () => {
  it("gives a member their role and permissions", async () => {
    const owner = await makeUser("Owner");
    const dev = await makeUser("Dev");
    const workspace = await makeWorkspace(owner.id);
    await addMember(workspace.id, dev.id, "DEVELOPER");
    const ctx = await loadWorkspaceContext(dev.id, workspace.slug);
    expect(ctx?.membership.role).toBe("DEVELOPER");
    expect(ctx?.can("members.read")).toBe(true);
    expect(ctx?.can("members.invite")).toBe(false);
  });

  it("answers a non-member exactly as a slug that does not exist", async () => {
    const owner = await makeUser("Owner");
    const outsider = await makeUser("Outsider");
    const workspace = await makeWorkspace(owner.id);
    expect(await loadWorkspaceContext(outsider.id, workspace.slug)).toBeNull();
    expect(await loadWorkspaceContext(outsider.id, "no-such-workspace")).toBeNull();
  });

  it("reads membership from the database each time, so removal takes effect on the next request", async () => {
    const owner = await makeUser("Owner");
    const member = await makeUser("Member");
    const workspace = await makeWorkspace(owner.id);
    const membership = await addMember(workspace.id, member.id, "ADMIN");
    expect(await loadWorkspaceContext(member.id, workspace.slug)).not.toBeNull();
    await db().membership.delete({ where: { id: membership.id } });
    expect(await loadWorkspaceContext(member.id, workspace.slug)).toBeNull();
  });
});
