import { randomBytes } from "node:crypto";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { endpointRegistry } from "@/lib/authz/registry";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { discoverEndpoints } from "@/tests/support/discover";
import { actAs, testSession } from "@/tests/support/session";
import { makePeople, makeWorld, TINY_PNG, type People, type World } from "@/tests/support/world";
import { NASTY_STRINGS } from "@/tests/support/nasty-input";

/**
 * Bad input never ends in a 500: every registered server action, called as a workspace owner with
 * arbitrary input (junk of every shape, and valid input with fields swapped for NUL, huge numbers,
 * 10,000 characters, impossible dates, nested junk), answers a result that is not INTERNAL, and never
 * throws. A NUL in a string that reaches PostgreSQL text is an "invalid byte sequence" error; a number
 * past bigint or a date outside the timestamp range likewise: the schemas must refuse them first.
 */

// Auth.js's signIn and signOut read the request's cookies and end in a redirect, so outside a request they
// throw before doing anything. They stand in here as a sign-in that succeeded would: the actions'
// own work (parsing, the account and invitation written by sign-up) runs for real.
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
}));

// Platform actions refuse anyone who is not an operator before they parse anything; the caller here is
// made one, so their input reaches the parser too. Who may call them is the authorization matrix's part.
vi.mock("@/lib/authz/platform", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/authz/platform")>()),
  platformAdminFor: async (userId: string) => ({ id: userId, email: "operator@test.example", name: "Operator" }),
}));

/** Runs per action: the whole file stays under a minute. */
const NUM_RUNS = 30;
const unique = () => randomBytes(3).toString("hex");

type Input = Record<string, unknown> | FormData;

/**
 * A valid input for every action: the property swaps its fields for junk, so the junk reaches the
 * checks past the first. A new action without a seed fails the suite (see the first test).
 */
const SEEDS: Record<string, (w: World, people: People) => Input> = {
  "auth.signIn": (_w, p) => ({ email: p.owner.email, password: "a password that is long", callbackUrl: "/somewhere" }),
  "auth.signUp": () => ({ name: "New Person", email: `new-${unique()}@test.example`, password: "a password that is long", callbackUrl: "/" }),
  "auth.signOut": () => ({ callbackUrl: "/invite/abc" }),
  "auth.requestPasswordReset": (_w, p) => ({ email: p.owner.email }),
  "auth.resetPassword": () => ({ token: "t".repeat(43), password: "a brand new password" }),
  "auth.verifyEmail": () => ({ token: "t".repeat(43) }),
  "account.confirmEmailChange": () => ({ token: "t".repeat(43) }),
  "account.changePassword": () => ({ currentPassword: "a password that is long", newPassword: "a brand new password" }),
  "account.requestEmailChange": () => ({ newEmail: `moved-${unique()}@test.example`, password: "a password that is long" }),
  "account.resendVerification": () => ({}),
  "account.setTheme": () => ({ theme: "DARK" }),
  "account.setLocale": () => ({ locale: "de" }),
  "sessions.revoke": (w) => ({ sessionId: w.workspace.id }),
  "sessions.revokeOthers": () => ({}),
  "twoFactor.startSetup": () => ({}),
  "twoFactor.confirm": () => ({ code: "123 456" }),
  "twoFactor.regenerateRecoveryCodes": () => ({ code: "123456" }),
  "twoFactor.disable": () => ({ proof: "123456" }),
  "workspace.create": () => ({ name: "New", slug: `new-${unique()}`, kind: "ENVIRONMENT", stage: "STAGING" }),
  "workspace.setDefault": (w) => ({ workspaceId: w.workspace.id }),
  "invitation.accept": () => ({ token: "t".repeat(43) }),
  "invitation.decline": () => ({ token: "t".repeat(43) }),
  "members.invite": () => ({ emails: `a-${unique()}@test.example, b-${unique()}@test.example`, role: "VIEWER" }),
  "invitations.resend": (w) => ({ invitationId: w.invitation.id }),
  "invitations.revoke": (w) => ({ invitationId: w.invitation.id }),
  "invitations.copyLink": (w) => ({ invitationId: w.invitation.id }),
  "members.changeRole": (w) => ({ membershipId: w.m.target.id, role: "DEVELOPER" }),
  "members.remove": (w) => ({ membershipId: w.m.viewer.id }),
  "members.leave": () => ({}),
  "workspace.transferOwnership": (w) => ({ membershipId: w.m.admin.id, confirmSlug: w.workspace.slug }),
  "members.updatePermissions": (w) => ({ membershipId: w.m.target.id, actions: ["logs.view"], projectIds: [w.project.id], instanceIds: [w.instance.id], serverIds: [w.server.id] }),
  "roles.create": (w) => ({ name: `role ${unique()}`, description: "Restarts", actions: ["instances.restart"], projectIds: [w.project.id], instanceIds: [], serverIds: [] }),
  "roles.update": (w) => ({ customRoleId: w.customRole.id, name: "Operator", description: "", actions: ["logs.view"], projectIds: [w.project.id], instanceIds: [], serverIds: [] }),
  "roles.delete": (w) => ({ customRoleId: w.customRole.id }),
  "roles.assignMember": (w) => ({ customRoleId: w.customRole.id, membershipId: w.m.target.id, expiry: "date", until: "2999-01-01" }),
  "roles.unassignMember": (w) => ({ customRoleId: w.customRole.id, membershipId: w.m.target.id }),
  "roles.assignTeam": (w) => ({ customRoleId: w.customRole.id, teamId: w.team.id, expiry: "24h" }),
  "roles.unassignTeam": (w) => ({ customRoleId: w.customRole.id, teamId: w.team.id }),
  "teams.create": () => ({ name: `team ${unique()}` }),
  "teams.delete": (w) => ({ teamId: w.team.id }),
  "teams.addMember": (w) => ({ teamId: w.team.id, membershipId: w.m.target.id }),
  "teams.removeMember": (w) => ({ teamId: w.team.id, membershipId: w.m.viewer.id }),
  "teams.updatePermissions": (w) => ({ teamId: w.team.id, roleFloor: "VIEWER", actions: ["logs.view"], projectIds: [w.project.id], instanceIds: [], serverIds: [w.server.id] }),
  "projects.create": () => ({ name: `p-${unique()}`, repositoryUrl: "https://example.test/x", branches: "main, develop" }),
  "projects.delete": (w) => ({ projectId: w.emptyProject.id }),
  "projects.merge": (w) => ({ projectId: w.project.id, sourceBranch: "develop", targetBranch: "main" }),
  "servers.create": () => ({ name: `s-${unique()}`, region: "eu-west-1", address: "10.9.9.9" }),
  "servers.delete": (w) => ({ serverId: w.emptyServer.id }),
  "instances.create": (w) => ({ name: `i-${unique()}`, projectId: w.project.id, serverId: w.server.id, environment: "DEVELOPMENT" }),
  "instances.restart": (w) => ({ instanceId: w.instance.id, mode: "soft" }),
  "instances.stop": (w) => ({ instanceId: w.instance.id }),
  "instances.start": (w) => ({ instanceId: w.stoppedInstance.id }),
  "instances.delete": (w) => ({ instanceId: w.otherInstance.id }),
  "instances.connect": (w) => ({ instanceId: w.instance.id, systemUser: "app" }),
  "instances.updateSettings": (w) => ({ instanceId: w.instance.id, replicas: 2, memoryMb: 1024, autoRestart: false }),
  "instances.openIde": (w) => ({ instanceId: w.instance.id }),
  "backups.create": (w) => ({ instanceId: w.instance.id, label: "before upgrade" }),
  "backups.restore": (w) => ({ backupId: w.backup.id }),
  "backups.delete": (w) => ({ backupId: w.backup.id }),
  "workspace.updateGeneral": () => ({ name: "Renamed", description: "New words" }),
  "workspace.renameSlug": () => ({ slug: `moved-${unique()}` }),
  "workspace.setColor": () => ({ color: "#0f766e" }),
  "workspace.setRequireTwoFactor": () => ({ required: false }),
  "workspace.uploadLogo": () => {
    const form = new FormData();
    form.set("logo", new File([new Uint8Array(TINY_PNG)], "logo.png", { type: "image/png" }));
    return form;
  },
  "workspace.removeLogo": () => ({}),
  "workspace.delete": (w) => ({ confirmSlug: w.workspace.slug }),
  "workspace.restore": (w) => ({ workspaceId: w.workspace.id }),
  "billing.changePlan": () => ({ plan: "ENTERPRISE" }),
  "billing.topUp": () => ({ amount: "25.50", idempotencyKey: crypto.randomUUID() }),
  "billing.cancelScheduledChange": () => ({}),
  "billing.updateDetails": () => ({ legalName: "World Ltd", address: "1 World Street\n10115 Berlin", vatId: "DE 123 456 789" }),
  "quotas.request": () => ({ resource: "INSTANCES", requestedLimit: 500, reason: "Black Friday traffic" }),
  "platform.decideQuotaRequest": (w) => ({ requestId: w.quotaRequest.id, decision: "deny" }),
  "accessRequests.create": (w) => ({ permission: "logs.view", resourceKind: "instance", resourceId: w.instance.id, reason: "Debugging a crash loop" }),
  "accessRequests.approve": (w) => ({ requestId: w.accessRequest.id, expiry: "date", until: "2999-01-01", note: "For the incident" }),
  "accessRequests.deny": (w) => ({ requestId: w.accessRequest.id, note: "Not this week" }),
  "accessRequests.cancel": (w) => ({ requestId: w.accessRequest.id }),
  "accessRequests.revoke": (w) => ({ requestId: w.accessRequest.id }),
  "alerting.saveChannel": (w) => ({ channelId: w.channel.id, kind: "EMAIL", name: "renamed", emails: "a@test.example b@test.example", url: "https://hooks.example.com/x" }),
  "alerting.toggleChannel": (w) => ({ channelId: w.channel.id, enabled: false }),
  "alerting.deleteChannel": (w) => ({ channelId: w.channel.id }),
  "alerting.sendTest": (w) => ({ channelId: w.channel.id }),
  "alerting.createRule": (w) => ({ kind: "BALANCE_BELOW", threshold: "20.50", channelIds: [w.channel.id] }),
  "alerting.deleteRule": (w) => ({ ruleId: w.rule.id }),
  "ai.save": () => ({ provider: "OPENAI", model: "gpt-4o", apiKey: "sk-test-1234", baseUrl: "https://api.openai.com/v1" }),
  "ai.removeKey": () => ({}),
  "apiKeys.create": () => ({ name: "CI deploy", access: "READ", expiresIn: "90" }),
  "apiKeys.revoke": (w) => ({ apiKeyId: w.workspace.id }),
  "ai.testConnection": () => ({}),
  "secrets.set": () => ({ environment: "STAGING", name: "API_KEY", value: "value-1234" }),
  "secrets.delete": (w) => ({ secretId: w.secret.id }),
};

// ---- Junk -------------------------------------------------------------------------------------------

const NASTY_NUMBERS = [1e20, -1e20, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.MIN_VALUE, -0, Number.NaN, Infinity, -Infinity, 2 ** 31, 2 ** 63, -1, 0, 1.5];

/** Whatever a forged request can carry: server actions decode dates, bigints, maps, sets, typed arrays and files too. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, undefined, true, [], {}),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 20 }).map((s) => `${s}\0${s}`),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.string({ unit: "binary", maxLength: 20 }), { maxLength: 5 }),
  fc.constant(Array.from({ length: 10_000 }, () => "x")),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
    withSparseArray: true,
    withBoxedValues: true,
    stringUnit: "binary",
  }),
);

type Swap = { label: string; apply: (seed: unknown) => unknown };

const withNul = (value: unknown, at: number): unknown => {
  if (typeof value === "string") {
    const i = at % (value.length + 1);
    return `${value.slice(0, i)}\0${value.slice(i)}`;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => withNul(v, at));
  return "\0";
};

/** What becomes of one field of the seed: kept, NUL slipped in, stretched, or replaced by junk. */
const swap: fc.Arbitrary<Swap> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Swap>({ label: "kept", apply: (v) => v }) },
  { weight: 3, arbitrary: fc.nat().map<Swap>((at) => ({ label: `NUL at ${at}`, apply: (v) => withNul(v, at) })) },
  { weight: 1, arbitrary: fc.constant<Swap>({ label: "10,000 more characters", apply: (v) => (typeof v === "string" ? v + "x".repeat(10_000) : v) }) },
  { weight: 1, arbitrary: fc.constant<Swap>({ label: "nested", apply: (v) => ({ value: v, toString: "x" }) }) },
  { weight: 3, arbitrary: nasty.map<Swap>((junk) => ({ label: `junk ${show(junk)}`, apply: () => junk })) },
);

/** A call's input, built from the current world's seed when the call is made. */
type Plan = { describe: string; build: (seed: Input) => unknown };

/** fast-check reports a counterexample by this string rather than by the builder's source. */
const plan = (describe: string, build: Plan["build"]): Plan => ({ describe, build, [fc.toStringMethod]: () => describe }) as Plan;

function planFor(seed: Input): fc.Arbitrary<Plan> {
  const keys = seed instanceof FormData ? [...new Set(seed.keys())] : Object.keys(seed);
  const whole = nasty.map((junk) => plan(`junk as the whole input: ${show(junk)}`, () => junk));
  if (keys.length === 0) {
    const stray = fc.dictionary(fc.string({ unit: "binary", maxLength: 12 }), nasty, { maxKeys: 4, noNullPrototype: true });
    return fc.oneof(whole, stray.map((extra) => plan(`stray keys: ${show(extra)}`, () => extra)));
  }
  const fields = fc.record(Object.fromEntries(keys.map((k) => [k, swap])) as Record<string, fc.Arbitrary<Swap>>);
  const stray = fc.dictionary(fc.string({ unit: "binary", maxLength: 12 }), nasty, { maxKeys: 2, noNullPrototype: true });
  const swapped = fc.tuple(fields, stray).map(([swaps, extra]) =>
    plan(Object.entries(swaps).map(([k, s]) => `${k}: ${s.label}`).join(", "), (current) => {
      if (current instanceof FormData) {
        const form = new FormData();
        for (const [k, s] of Object.entries(swaps)) {
          const value = s.apply(current.get(k));
          if (value instanceof Blob) form.set(k, value);
          else if (value !== undefined) form.set(k, typeof value === "object" && value !== null ? show(value) : String(value));
        }
        return form;
      }
      const out: Record<string, unknown> = { ...extra };
      for (const [k, s] of Object.entries(swaps)) out[k] = s.apply(current[k]);
      return out;
    }),
  );
  return fc.oneof({ weight: 1, arbitrary: whole }, { weight: 4, arbitrary: swapped });
}

/**
 * Tried before the random plans, so every field meets the commonest offenders whatever the random seed:
 * a NUL, 10,000 characters more, a number past bigint, and an impossible date, each alone.
 */
function examplesFor(seed: Input): [Plan][] {
  if (seed instanceof FormData) return [];
  const one = (key: string, label: string, value: (v: unknown) => unknown): [Plan] => [
    plan(`${key}: ${label}, the rest kept`, (current) => ({ ...(current as Record<string, unknown>), [key]: value((current as Record<string, unknown>)[key]) })),
  ];
  return Object.keys(seed).flatMap((key) => [
    one(key, "NUL in the middle", (v) => withNul(v, typeof v === "string" ? Math.floor(v.length / 2) : 0)),
    one(key, "10,000 more characters", (v) => (typeof v === "string" ? v + "x".repeat(10_000) : "x".repeat(10_000))),
    one(key, "1e20", () => 1e20),
    one(key, "99999999999999999999", () => "99999999999999999999"),
    one(key, "0000-01-01", () => "0000-01-01"),
  ]);
}

/** For the report: what was sent, with NUL and long strings made readable. */
function show(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) =>
      typeof v === "bigint" ? `${v}n` : typeof v === "string" && v.length > 60 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
    );
    return (text ?? String(value)).replaceAll("\\u0000", "\\0");
  } catch {
    return Object.prototype.toString.call(value);
  }
}

// ---- The actions --------------------------------------------------------------------------------------

type AnyAction = (...args: unknown[]) => Promise<ActionResult<unknown>>;
interface Action {
  name: string;
  scope: string;
  call: (slug: string, input: unknown) => Promise<ActionResult<unknown>>;
}

async function discoverActions(): Promise<Action[]> {
  const found = await discoverEndpoints();
  const actions: Action[] = [];
  for (const endpoint of found) {
    // An export the pipeline did not build (a route file's `dynamic`, say) is no entry point; that every
    // export of a "use server" module is one is lib/authz/endpoint-registry.int.test.ts's to prove.
    if (!endpoint.name) continue;
    // Route handlers answer Responses; their queries are parsed by lib/authz/route.ts and covered by e2e.
    const registered = endpointRegistry.get(endpoint.name);
    if (registered?.kind !== "action") continue;
    const module = (await import(path.join(process.cwd(), endpoint.file))) as Record<string, AnyAction>;
    const fn = module[endpoint.exportName]!;
    // Workspace actions take (slug, input); the others (input).
    actions.push({
      name: endpoint.name,
      scope: registered.scope,
      call: registered.scope === "workspace" ? (slug, input) => fn(slug, input) : (_slug, input) => fn(input),
    });
  }
  return actions.sort((a, b) => a.name.localeCompare(b.name));
}

let people: People;
let actions: Action[];

beforeAll(async () => {
  delete process.env.RESEND_API_KEY; // mail goes to the local recorder
  delete process.env.STRIPE_SECRET_KEY; // top-ups use the demo provider
  people = await makePeople();
  actions = await discoverActions();
});

/** A world for one action, made again when a call took it away (transferred, deleted, renamed). */
function worldKeeper() {
  let world: World | null = null;
  return async (): Promise<World> => {
    if (world) {
      const owner = await db().membership.findFirst({
        where: { workspaceId: world.workspace.id, userId: people.owner.id, role: "OWNER" },
        select: { workspace: { select: { slug: true } } },
      });
      if (owner) return { ...world, workspace: { ...world.workspace, slug: owner.workspace.slug } };
    }
    world = await makeWorld(people);
    return world;
  };
}

describe("bad input to server actions", () => {
  it("has a seed for every server action in the code, and none for one that is gone", () => {
    expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(SEEDS).sort());
  });

  // The list is read in beforeAll, so each action's test is one `it` over the names the seeds hold;
  // the test above proves the two lists are the same.
  it.each(Object.keys(SEEDS).sort())("%s: arbitrary input is refused or done, never INTERNAL, never thrown", async (name) => {
    const action = actions.find((a) => a.name === name);
    expect(action, `${name} is not a discovered server action`).toBeDefined();
    const currentWorld = worldKeeper();
    const seed = SEEDS[name]!(await currentWorld(), people);
    await fc.assert(
      fc.asyncProperty(planFor(seed), async (plan) => {
        actAs(people.owner.id);
        // A client address per call: the per-address rate limits (sign-up) would otherwise answer LIMIT
        // after a few calls, and the input would stop reaching the checks after them.
        testSession.ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
        const world = await currentWorld();
        const input = plan.build(SEEDS[name]!(world, people));
        let result: ActionResult<unknown>;
        try {
          result = await action!.call(world.workspace.slug, input);
        } catch (error) {
          throw new Error(`${name} threw for ${plan.describe}: ${show(input)}\n${String(error)}`);
        }
        if (!result.ok && result.code === "INTERNAL") {
          throw new Error(`${name} answered INTERNAL for ${plan.describe}: ${show(input)}`);
        }
      }),
      { numRuns: NUM_RUNS, examples: examplesFor(seed) },
    );
  });

  it("a workspace action's slug argument: junk answers not found or a refusal, never INTERNAL", async () => {
    const world = await makeWorld(people);
    const workspaceActions = actions.filter((a) => a.scope === "workspace");
    expect(workspaceActions.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...workspaceActions), nasty, async (action, slug) => {
        actAs(people.owner.id);
        const input = SEEDS[action.name]!(world, people);
        let result: ActionResult<unknown>;
        try {
          result = await action.call(slug as string, input);
        } catch (error) {
          throw new Error(`${action.name} threw for the slug ${show(slug)}\n${String(error)}`);
        }
        if (!result.ok && result.code === "INTERNAL") throw new Error(`${action.name} answered INTERNAL for the slug ${show(slug)}`);
      }),
      { numRuns: 40 },
    );
  });
});
