import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { GRANTABLE_KEYS } from "@/lib/authz/permissions";
import { encryptSecret } from "@/lib/crypto/secrets";
import { sealRecordedLink } from "@/lib/email";
import { newLinkToken } from "@/lib/crypto/link-token";
import { makeUser } from "./factories";
import { createSession } from "@/lib/sessions/service";

/** A 1x1 PNG: the smallest real image a logo upload or download can carry. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export const CALLERS = [
  "anonymous",
  "nonMember",
  "viewer",
  "developer",
  "developerWithGrant",
  "developerWithGrantElsewhere",
  "admin",
  "owner",
] as const;
export type Caller = (typeof CALLERS)[number];

export type People = Record<Exclude<Caller, "anonymous">, { id: string; email: string }> & { target: { id: string; email: string } };

/** One account per caller kind, shared by every world (a world is a fresh workspace). */
export async function makePeople(): Promise<People> {
  const entries = await Promise.all(
    (["nonMember", "viewer", "developer", "developerWithGrant", "developerWithGrantElsewhere", "admin", "owner", "target"] as const).map(
      async (key) => [key, await makeUser(`${key} ${randomBytes(2).toString("hex")}`)] as const,
    ),
  );
  // Every world makes these people owners again; a roomy personal plan keeps "workspaces you may own"
  // out of the way of tests that are about something else.
  await db().workspace.updateMany({ where: { personalOwnerId: { in: entries.map(([, u]) => u.id) } }, data: { plan: "ENTERPRISE" } });
  return Object.fromEntries(entries.map(([k, u]) => [k, { id: u.id, email: u.email }])) as People;
}

/**
 * A workspace with one member per caller kind and one of each resource. "developerWithGrant" holds
 * every grantable action on `project` (and so its instances) and `server`; "...Elsewhere" holds the
 * same on `otherProject` and `otherServer` only.
 */
export async function makeWorld(people: People) {
  const suffix = randomBytes(4).toString("hex");
  const workspace = await db().workspace.create({
    data: {
      name: `World ${suffix}`,
      slug: `world-${suffix}`,
      kind: "PROJECT",
      plan: "PRO",
      balanceMinor: 100_000,
      invoiceCounter: 1,
      logo: TINY_PNG,
      logoType: "image/png",
      logoUpdatedAt: new Date(),
    },
  });
  const workspaceId = workspace.id;
  const member = (userId: string, role: "OWNER" | "ADMIN" | "DEVELOPER" | "VIEWER") =>
    db().membership.create({ data: { workspaceId, userId, role } });
  const m = {
    owner: await member(people.owner.id, "OWNER"),
    admin: await member(people.admin.id, "ADMIN"),
    viewer: await member(people.viewer.id, "VIEWER"),
    developer: await member(people.developer.id, "DEVELOPER"),
    developerWithGrant: await member(people.developerWithGrant.id, "DEVELOPER"),
    developerWithGrantElsewhere: await member(people.developerWithGrantElsewhere.id, "DEVELOPER"),
    target: await member(people.target.id, "DEVELOPER"),
  };
  const project = await db().project.create({ data: { workspaceId, name: "project", repositoryUrl: "https://example.test/p", branches: ["main", "develop"] } });
  const otherProject = await db().project.create({ data: { workspaceId, name: "other-project", repositoryUrl: "https://example.test/o", branches: ["main", "develop"] } });
  const emptyProject = await db().project.create({ data: { workspaceId, name: "empty-project", repositoryUrl: "https://example.test/e", branches: ["main"] } });
  const server = await db().server.create({ data: { workspaceId, name: "server", region: "eu-west-1", address: "10.0.0.1" } });
  const otherServer = await db().server.create({ data: { workspaceId, name: "other-server", region: "us-east-1", address: "10.0.0.2" } });
  const emptyServer = await db().server.create({ data: { workspaceId, name: "empty-server", region: "us-east-1", address: "10.0.0.3" } });
  const instance = await db().instance.create({
    data: { workspaceId, name: "instance", projectId: project.id, serverId: server.id, environment: "DEVELOPMENT", settings: { replicas: 1, memoryMb: 512, autoRestart: true } },
  });
  const stoppedInstance = await db().instance.create({
    data: { workspaceId, name: "stopped", projectId: project.id, serverId: server.id, environment: "STAGING", status: "STOPPED" },
  });
  const otherInstance = await db().instance.create({
    data: { workspaceId, name: "other-instance", projectId: otherProject.id, serverId: otherServer.id, environment: "DEVELOPMENT" },
  });
  const content = Buffer.from(JSON.stringify({ settings: { replicas: 2, memoryMb: 256, autoRestart: false } }));
  const backup = await db().backup.create({ data: { instanceId: instance.id, label: "nightly", content, sizeBytes: content.length } });
  const secret = await db().secret.create({ data: { workspaceId, environment: "PRODUCTION", name: "TOKEN", ciphertext: "v1.x.y.z", hint: "…abcd" } });
  const team = await db().team.create({ data: { workspaceId, name: "team" } });
  await db().teamMember.create({ data: { teamId: team.id, membershipId: m.viewer.id } });
  // A custom role nobody holds yet: editing, deleting and assigning one need it to exist.
  const customRole = await db().customRole.create({ data: { workspaceId, name: "Operator", actions: ["instances.restart", "logs.view"], projectIds: [project.id] } });
  const all = [...GRANTABLE_KEYS];
  await db().memberGrant.create({ data: { membershipId: m.developerWithGrant.id, actions: all, projectIds: [project.id], serverIds: [server.id] } });
  await db().memberGrant.create({
    data: { membershipId: m.developerWithGrantElsewhere.id, actions: all, projectIds: [otherProject.id], serverIds: [otherServer.id] },
  });
  const { token, tokenHash } = newLinkToken();
  const invitation = await db().invitation.create({
    data: { workspaceId, email: `invited-${suffix}@test.example`, role: "VIEWER", tokenHash, expiresAt: new Date(Date.now() + 3600_000) },
  });
  // Its email, already sent: "Copy invite link" reads the link sealed in the outbox row.
  await db().outboundEmail.create({
    data: {
      kind: "invitation",
      to: invitation.email,
      subject: "x",
      textCiphertext: "x",
      htmlCiphertext: "x",
      linkCiphertext: sealRecordedLink(`http://app.test/invite/${token}`),
      workspaceId,
      invitationId: invitation.id,
      status: "SENT",
      sentAt: new Date(),
    },
  });
  const channel = await db().notificationChannel.create({ data: { workspaceId, kind: "EMAIL", name: "ops mail", emails: ["ops@test.example"] } });
  const rule = await db().alertRule.create({ data: { workspaceId, kind: "INSTANCE_STOPPED", channelIds: [channel.id] } });
  await db().aiSettings.create({
    data: { workspaceId, provider: "CUSTOM", model: "local", baseUrl: "http://127.0.0.1:9", apiKeyCiphertext: encryptSecret("sk-world", `ai-key:${workspaceId}`), apiKeyHint: "…orld" },
  });
  const quotaRequest = await db().quotaRequest.create({
    data: { workspaceId, resource: "PROJECTS", requestedLimit: 80, reason: "Launching a second product", requestedById: people.admin.id },
  });
  // The developer's pending request for logs on the instance: deciding or cancelling one from another workspace must find nothing.
  const accessRequest = await db().accessRequest.create({
    data: { workspaceId, membershipId: m.developer.id, permission: "logs.view", resourceKind: "instance", resourceId: instance.id, reason: "Debugging a crash loop" },
  });
  // An API key of the owner's: revoking one from another workspace must find nothing.
  const apiKey = await db().apiKey.create({
    data: { workspaceId, createdById: people.owner.id, name: "world key", access: "READ", prefix: `wsk_${suffix}`, secretHash: `world-${suffix}` },
  });
  // Last month's charge and its invoice (INV-0001): the PDF route needs one, and another workspace's is not found.
  const charge = await db().billingTransaction.create({
    data: { workspaceId, type: "CHARGE", amountMinor: -9900, balanceAfterMinor: 100_000, currency: "USD", description: "Pro plan", provider: "balance", idempotencyKey: `world-${suffix}` },
  });
  const invoice = await db().invoice.create({
    data: {
      workspaceId,
      number: 1,
      transactionId: charge.id,
      amountMinor: 9900,
      currency: "USD",
      description: "Pro plan",
      plan: "PRO",
      periodStart: new Date(Date.now() - 30 * 86_400_000),
      periodEnd: new Date(),
      billingName: "World Ltd",
      billingAddress: "1 World Street",
      billingVatId: "",
    },
  });
  // A signed-in browser of the owner's: the session actions need someone else's to be refused.
  const ownerSession = await createSession(people.owner.id, { ip: null, userAgent: null });
  return {
    customRole,
    ownerSession,
    apiKey,
    invoice,
    channel,
    rule,
    quotaRequest,
    accessRequest,
    workspace,
    m,
    project,
    otherProject,
    emptyProject,
    server,
    otherServer,
    emptyServer,
    instance,
    stoppedInstance,
    otherInstance,
    backup,
    secret,
    team,
    invitation,
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** An invitation in the world for this person, so accept/decline have something real to act on. */
export async function invitationFor(world: World, email: string) {
  const { token, tokenHash } = newLinkToken();
  await db().invitation.upsert({
    where: { workspaceId_email: { workspaceId: world.workspace.id, email } },
    create: { workspaceId: world.workspace.id, email, role: "VIEWER", tokenHash, expiresAt: new Date(Date.now() + 3600_000) },
    update: { tokenHash, acceptedAt: null, revokedAt: null, declinedAt: null, expiresAt: new Date(Date.now() + 3600_000) },
  });
  return token;
}
