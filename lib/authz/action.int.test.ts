import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { Refusal } from "@/lib/errors";
import { actAs } from "@/tests/support/session";
import { addMember, makeUser, makeWorkspace, rowCounts } from "@/tests/support/factories";
import { workspaceAction } from "./action";
import { forged } from "@/tests/support/forged";

// A probe built with the real factory: it writes, audits, and can be told to fail after writing.
const describeWorkspace = workspaceAction(
  {
    name: "test.describeWorkspace",
    permission: "workspace.update",
    input: z.object({ description: z.string().max(20, "Too long"), failWith: z.enum(["refusal", "crash"]).optional() }),
  },
  async (ctx, input) => {
    await ctx.tx.workspace.update({ where: { id: ctx.workspace.id }, data: { description: input.description } });
    await ctx.audit({ action: "workspace.updated", targetType: "workspace", targetId: ctx.workspace.id });
    if (input.failWith === "refusal") throw new Refusal("CONFLICT", "Changed my mind.");
    if (input.failWith === "crash") throw new Error("database exploded");
    return ctx.membership.role;
  },
);

describe("workspaceAction", () => {
  let slug: string;
  let workspaceId: string;
  const users: Record<"owner" | "admin" | "viewer" | "outsider", string> = { owner: "", admin: "", viewer: "", outsider: "" };

  beforeAll(async () => {
    for (const key of Object.keys(users) as (keyof typeof users)[]) users[key] = (await makeUser(key)).id;
    const workspace = await makeWorkspace(users.owner);
    slug = workspace.slug;
    workspaceId = workspace.id;
    await addMember(workspaceId, users.admin, "ADMIN");
    await addMember(workspaceId, users.viewer, "VIEWER");
  });

  async function description() {
    return (await db().workspace.findUniqueOrThrow({ where: { id: workspaceId } })).description;
  }

  it("runs for a holder of the permission, in a transaction, with an audit event by the caller", async () => {
    actAs(users.admin);
    expect(await describeWorkspace(slug, { description: "by admin" })).toEqual({ ok: true, data: "ADMIN" });
    expect(await description()).toBe("by admin");
    const event = await db().auditEvent.findFirstOrThrow({ where: { workspaceId, action: "workspace.updated" } });
    expect(event).toMatchObject({ actorId: users.admin, targetId: workspaceId, ip: "127.0.0.1" });
  });

  it("refuses, writing nothing: signed out, non-member, missing workspace, lacking permission, bad input", async () => {
    const before = { rows: await rowCounts(), description: await description() };
    const cases: [string | null, string, unknown, string][] = [
      [null, slug, { description: "anon" }, "UNAUTHENTICATED"],
      [users.outsider, slug, { description: "outsider" }, "NOT_FOUND"],
      [users.outsider, "no-such-workspace", { description: "outsider" }, "NOT_FOUND"],
      [users.viewer, slug, { description: "viewer" }, "FORBIDDEN"],
      [users.admin, slug, { description: "x".repeat(21) }, "INVALID"],
      [users.admin, slug, "garbage", "INVALID"],
    ];
    for (const [userId, targetSlug, input, code] of cases) {
      actAs(userId);
      expect(await describeWorkspace(targetSlug, forged(input))).toMatchObject({ ok: false, code });
    }
    expect({ rows: await rowCounts(), description: await description() }).toEqual(before);
  });

  it("answers a non-member exactly as it answers a workspace that does not exist", async () => {
    actAs(users.outsider);
    expect(await describeWorkspace(slug, { description: "x" })).toEqual(
      await describeWorkspace("no-such-workspace", { description: "x" }),
    );
  });

  it("rolls back what the handler wrote when it refuses or crashes, and never throws", async () => {
    actAs(users.owner);
    const before = { rows: await rowCounts(), description: await description() };
    expect(await describeWorkspace(slug, { description: "refused", failWith: "refusal" })).toEqual({
      ok: false,
      code: "CONFLICT",
      error: "Changed my mind.",
      fieldErrors: undefined,
    });
    const crashed = await describeWorkspace(slug, { description: "crashed", failWith: "crash" });
    expect(crashed).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(JSON.stringify(crashed)).not.toContain("exploded");
    expect({ rows: await rowCounts(), description: await description() }).toEqual(before);
  });

  it("reads the role from the database on every call, so a demotion applies to the next action", async () => {
    const member = await makeUser("Demoted");
    const membership = await addMember(workspaceId, member.id, "ADMIN");
    actAs(member.id);
    expect((await describeWorkspace(slug, { description: "while admin" })).ok).toBe(true);
    await db().membership.update({ where: { id: membership.id }, data: { role: "VIEWER" } });
    expect(await describeWorkspace(slug, { description: "after demotion" })).toMatchObject({ code: "FORBIDDEN" });
  });
});
