import { beforeAll, describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/api/v1/operations";
import { endpointRegistry } from "@/lib/authz/registry";
import { db } from "@/lib/db";
import { apiClient, makeApiKey } from "@/tests/support/api-client";
import { databaseSnapshot } from "@/tests/support/snapshot";
import { makePeople, makeWorld, type People, type World } from "@/tests/support/world";

/**
 * The API's authorization matrix: every operation × a key of each kind. A key acts with its creator's
 * permissions now, capped by its access; a Viewer's key, a revoked, expired or absent key are refused
 * everywhere, and a key of another workspace never reaches this one. A refusal writes nothing (the
 * per-key request counter aside: a refused request still counts against the key's rate limit).
 */

const KEYS = [
  "none",
  "revoked",
  "expired",
  "otherWorkspace",
  "viewerRead",
  "developerRead",
  "developerWithGrantRead",
  /** A write key its creator made as an Admin, before being made a Developer with grants. */
  "developerWithGrantWrite",
  "adminRead",
  "adminWrite",
  "ownerRead",
  "ownerWrite",
] as const;
type KeyKind = (typeof KEYS)[number];

const READERS = ["developerRead", "developerWithGrantRead", "developerWithGrantWrite", "adminRead", "adminWrite", "ownerRead", "ownerWrite"] as const;
const STAFF_READERS = ["adminRead", "adminWrite", "ownerRead", "ownerWrite"] as const;
const STAFF_WRITERS = ["adminWrite", "ownerWrite"] as const;
const GRANTED_READERS = ["developerWithGrantRead", "developerWithGrantWrite", "adminRead", "adminWrite", "ownerRead", "ownerWrite"] as const;
const GRANTED_WRITERS = ["developerWithGrantWrite", "adminWrite", "ownerWrite"] as const;

type Api = ReturnType<typeof apiClient>;
/** What openapi-fetch answers: the body is already read into `data` (2xx) or `error`. */
type Answer = { response: Response; data?: unknown; error?: unknown };
interface Row {
  allowed: readonly KeyKind[];
  call: (api: Api, w: World) => Promise<Answer>;
  /** The same call with an id of another workspace, made with the world owner's write key: 404, nothing written. */
  foreign?: (api: Api, other: World) => Promise<Answer>;
}

const MATRIX: Record<string, Row> = {
  "api.workspace.get": { allowed: READERS, call: (api) => api.GET("/workspace") },
  "api.members.list": { allowed: READERS, call: (api) => api.GET("/members") },
  "api.members.changeRole": {
    allowed: STAFF_WRITERS,
    call: (api, w) => api.PATCH("/members/{membershipId}", { params: { path: { membershipId: w.m.target.id } }, body: { role: "VIEWER" } }),
    foreign: (api, o) => api.PATCH("/members/{membershipId}", { params: { path: { membershipId: o.m.target.id } }, body: { role: "VIEWER" } }),
  },
  "api.members.remove": {
    allowed: STAFF_WRITERS,
    call: (api, w) => api.DELETE("/members/{membershipId}", { params: { path: { membershipId: w.m.target.id } } }),
    foreign: (api, o) => api.DELETE("/members/{membershipId}", { params: { path: { membershipId: o.m.target.id } } }),
  },
  "api.invitations.list": { allowed: STAFF_WRITERS, call: (api) => api.GET("/invitations") },
  "api.invitations.create": {
    allowed: STAFF_WRITERS,
    call: (api) => api.POST("/invitations", { body: { emails: ["matrix-invitee@test.example"], role: "VIEWER" } }),
  },
  "api.invitations.revoke": {
    allowed: STAFF_WRITERS,
    call: (api, w) => api.DELETE("/invitations/{invitationId}", { params: { path: { invitationId: w.invitation.id } } }),
    foreign: (api, o) => api.DELETE("/invitations/{invitationId}", { params: { path: { invitationId: o.invitation.id } } }),
  },
  "api.projects.list": { allowed: READERS, call: (api) => api.GET("/projects") },
  "api.projects.get": {
    allowed: GRANTED_READERS,
    call: (api, w) => api.GET("/projects/{projectId}", { params: { path: { projectId: w.project.id } } }),
    foreign: (api, o) => api.GET("/projects/{projectId}", { params: { path: { projectId: o.project.id } } }),
  },
  "api.servers.list": { allowed: READERS, call: (api) => api.GET("/servers") },
  "api.servers.get": {
    allowed: GRANTED_READERS,
    call: (api, w) => api.GET("/servers/{serverId}", { params: { path: { serverId: w.server.id } } }),
    foreign: (api, o) => api.GET("/servers/{serverId}", { params: { path: { serverId: o.server.id } } }),
  },
  "api.instances.list": { allowed: READERS, call: (api) => api.GET("/instances") },
  "api.instances.get": {
    allowed: GRANTED_READERS,
    call: (api, w) => api.GET("/instances/{instanceId}", { params: { path: { instanceId: w.instance.id } } }),
    foreign: (api, o) => api.GET("/instances/{instanceId}", { params: { path: { instanceId: o.instance.id } } }),
  },
  "api.instances.start": {
    allowed: GRANTED_WRITERS,
    call: (api, w) => api.POST("/instances/{instanceId}/start", { params: { path: { instanceId: w.stoppedInstance.id } } }),
    foreign: (api, o) => api.POST("/instances/{instanceId}/start", { params: { path: { instanceId: o.stoppedInstance.id } } }),
  },
  "api.instances.stop": {
    allowed: GRANTED_WRITERS,
    call: (api, w) => api.POST("/instances/{instanceId}/stop", { params: { path: { instanceId: w.instance.id } } }),
    foreign: (api, o) => api.POST("/instances/{instanceId}/stop", { params: { path: { instanceId: o.instance.id } } }),
  },
  "api.instances.restart": {
    allowed: GRANTED_WRITERS,
    call: (api, w) => api.POST("/instances/{instanceId}/restart", { params: { path: { instanceId: w.instance.id } }, body: { mode: "soft" } }),
    foreign: (api, o) => api.POST("/instances/{instanceId}/restart", { params: { path: { instanceId: o.instance.id } }, body: { mode: "soft" } }),
  },
  "api.audit.list": { allowed: STAFF_READERS, call: (api) => api.GET("/audit-events") },
  "api.quotas.list": { allowed: READERS, call: (api) => api.GET("/quotas") },
  "api.billing.get": { allowed: STAFF_READERS, call: (api) => api.GET("/billing") },
  "api.billing.transactions": { allowed: STAFF_READERS, call: (api) => api.GET("/billing/transactions") },
  "api.billing.invoices": { allowed: STAFF_READERS, call: (api) => api.GET("/billing/invoices") },
};

async function keyFor(kind: KeyKind, people: People, w: World, strangers: People): Promise<string | null> {
  const ws = w.workspace.id;
  const hourAgo = new Date(Date.now() - 3600_000);
  switch (kind) {
    case "none":
      return null;
    case "revoked":
      return (await makeApiKey(ws, people.owner.id, "WRITE", { revokedAt: hourAgo })).secret;
    case "expired":
      return (await makeApiKey(ws, people.owner.id, "WRITE", { expiresAt: new Date(Date.now() - 1000) })).secret;
    case "otherWorkspace": {
      const other = await makeWorld(strangers);
      return (await makeApiKey(other.workspace.id, strangers.owner.id, "WRITE")).secret;
    }
    case "viewerRead":
      return (await makeApiKey(ws, people.viewer.id, "READ")).secret;
    case "developerRead":
      return (await makeApiKey(ws, people.developer.id, "READ")).secret;
    case "developerWithGrantRead":
      return (await makeApiKey(ws, people.developerWithGrant.id, "READ")).secret;
    case "developerWithGrantWrite":
      return (await makeApiKey(ws, people.developerWithGrant.id, "WRITE")).secret;
    case "adminRead":
      return (await makeApiKey(ws, people.admin.id, "READ")).secret;
    case "adminWrite":
      return (await makeApiKey(ws, people.admin.id, "WRITE")).secret;
    case "ownerRead":
      return (await makeApiKey(ws, people.owner.id, "READ")).secret;
    case "ownerWrite":
      return (await makeApiKey(ws, people.owner.id, "WRITE")).secret;
  }
}

/** Everything but the per-key request counters, which count refused requests too (that is their job). */
async function writes(): Promise<Record<string, string>> {
  const { RateLimitBucket: _counted, ...rest } = await databaseSnapshot();
  return rest;
}

let people: People;
let strangers: People;
beforeAll(async () => {
  [people, strangers] = [await makePeople(), await makePeople()];
});

describe("API authorization matrix", () => {
  it("has a row for every API operation, and none for one that is gone", () => {
    const registered = [...endpointRegistry.values()].filter((e) => e.kind === "api").map((e) => e.name);
    expect(API_OPERATIONS.map((o) => o.spec.name).sort()).toEqual(Object.keys(MATRIX).sort());
    expect(registered.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  describe.each(Object.entries(MATRIX))("%s", (_name, row) => {
    it.each(KEYS)("with %s: allowed or refused as the table says, and a refusal writes nothing", async (kind) => {
      const world = await makeWorld(people);
      const secret = await keyFor(kind, people, world, strangers);
      const before = await writes();
      const { response, data, error } = await row.call(apiClient(secret), world);
      if (kind === "otherWorkspace" && !row.foreign) {
        // No id to guess: the key acts in its own workspace, and nothing of this one reaches the answer or changes.
        const answer = JSON.stringify(data ?? error);
        for (const id of [world.workspace.id, world.workspace.slug, world.m.owner.id, world.project.id, world.instance.id]) expect(answer).not.toContain(id);
        expect(await db().auditEvent.count({ where: { workspaceId: world.workspace.id } })).toBe(0);
        return;
      }
      const expected = (row.allowed as readonly string[]).includes(kind);
      expect(response.ok, `${kind} should be ${expected ? "allowed" : "refused"}: ${response.status} ${JSON.stringify(error)}`).toBe(expected);
      if (expected) return;
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      if (kind === "none" || kind === "revoked" || kind === "expired") expect(response.status).toBe(401);
      if (kind === "viewerRead") expect(error).toMatchObject({ status: 403, permission: "api.use" });
      // Another workspace's key acts in its own workspace: this one's ids are as missing as any guess.
      if (kind === "otherWorkspace") expect(response.status).toBe(404);
      expect(await writes()).toEqual(before);
    });
  });

  it("a key of another workspace lists only that workspace's members and resources", async () => {
    const world = await makeWorld(people);
    const other = await makeWorld(strangers);
    const api = apiClient((await makeApiKey(other.workspace.id, strangers.owner.id, "READ")).secret);
    const everything = JSON.stringify(
      await Promise.all([api.GET("/workspace"), api.GET("/members"), api.GET("/projects"), api.GET("/servers"), api.GET("/instances"), api.GET("/audit-events")].map(async (c) => (await c).data)),
    );
    expect(everything).toContain(other.workspace.id);
    for (const id of [world.workspace.id, world.project.id, world.server.id, world.instance.id, world.m.owner.id]) expect(everything).not.toContain(id);
  });
});

describe("API ids of another workspace", () => {
  const rows = Object.entries(MATRIX).filter(([, row]) => row.foreign);

  it.each(rows)("%s answers 404 and writes nothing", async (_name, row) => {
    const [world, other] = [await makeWorld(people), await makeWorld(strangers)];
    const api = apiClient((await makeApiKey(world.workspace.id, people.owner.id, "WRITE")).secret);
    const before = await writes();
    const { response, error } = await row.foreign!(api, other);
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await writes()).toEqual(before);
  });
});
