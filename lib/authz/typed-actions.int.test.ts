import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { saveChannelAction, toggleChannelAction } from "@/lib/alerting/actions";
import type { ChannelIdSchema, ToggleChannelSchema } from "@/lib/alerting/schemas";
import { createTeamAction } from "@/lib/teams/actions";
import type { CreateTeamSchema } from "@/lib/teams/schemas";
import { createWorkspaceAction } from "@/lib/workspaces/actions";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { actAs } from "@/tests/support/session";
import { makePeople, makeWorld, type World } from "@/tests/support/world";

/**
 * The client-side signature of every action comes from its zod schema, so `tsc` refuses a wrong call.
 * Each `@ts-expect-error` below is itself the assertion: `tsc` (run by `npm test` before Vitest)
 * fails if the line it marks ever compiles. At run time the server parses whatever arrives, so the
 * same calls are refused there too and write nothing.
 */
describe("typed server actions", () => {
  let world: World;

  beforeAll(async () => {
    const people = await makePeople();
    world = await makeWorld(people);
    actAs(people.owner.id);
  });

  it("take the input their schema accepts, typed from z.input", () => {
    expectTypeOf(createTeamAction).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(createTeamAction).parameter(1).toEqualTypeOf<z.input<typeof CreateTeamSchema>>();
    expectTypeOf(toggleChannelAction).parameter(1).toEqualTypeOf<z.input<typeof ToggleChannelSchema>>();
    expectTypeOf(toggleChannelAction).parameter(1).not.toEqualTypeOf<z.input<typeof ChannelIdSchema>>();
    expectTypeOf<Parameters<typeof createWorkspaceAction>["length"]>().toEqualTypeOf<1>();
  });

  it("refuse a mistyped call at compile time, and the server refuses it at run time writing nothing", async () => {
    const before = await databaseSnapshot();
    const results = [
      // @ts-expect-error not a channel kind
      await saveChannelAction(world.workspace.slug, { kind: "CARRIER_PIGEON", name: "birds" }),
      // @ts-expect-error `enabled` is a boolean, not text
      await toggleChannelAction(world.workspace.slug, { channelId: world.channel.id, enabled: "no" }),
      // @ts-expect-error `kind` is missing
      await createWorkspaceAction({ name: "New", slug: "typed-new" }),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, code: "INVALID" });
    // @ts-expect-error a workspace action takes the workspace's slug first
    expect(await createTeamAction({ name: "Ops" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
