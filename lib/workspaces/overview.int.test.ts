import { describe, expect, it } from "vitest";
import { loadWorkspaceContext } from "@/lib/authz/context";
import { db } from "@/lib/db";
import { makeTeam } from "@/tests/support/factories";
import { workspaceOverview } from "./queries";

describe("the workspace overview", () => {
  it("shows recent activity only to members who may read the audit log", async () => {
    const team = await makeTeam();
    await db().auditEvent.create({ data: { workspaceId: team.workspace.id, actorId: team.owner.id, action: "member.removed", metadata: { email: "secret@x.example" } } });
    const overviewFor = async (userId: string) => workspaceOverview((await loadWorkspaceContext(userId, team.workspace.slug))!);

    expect((await overviewFor(team.admin.id)).recentEvents).toEqual([expect.objectContaining({ action: "member.removed" })]);
    for (const userId of [team.developer.id, team.viewer.id]) {
      const overview = await overviewFor(userId);
      expect(overview.recentEvents).toBeNull();
      expect(overview.memberCount).toBe(4);
    }
  });
});
