import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject, vi } from "vitest";
import { adminUrl, databaseUrl } from "./postgres";
import { testSession } from "./session";

vi.mock("@/lib/authz/session", () => ({
  sessionUserId: async () => testSession.userId,
  // No request path here, so the session lookup brings no membership along: the pipeline and pages then
  // load it by slug (lib/sessions/sessions.int.test.ts covers the combined statement itself).
  sessionAccount: async () =>
    testSession.userId
      ? { userId: testSession.userId, name: "", email: "", theme: "SYSTEM", locale: null, membershipSlug: null, membership: null }
      : null,
  membershipRowFor: () => undefined,
  sessionMembershipRow: async () => undefined,
  requestIp: async () => testSession.ip,
  requestUserAgent: async () => "vitest",
  currentSessionId: async () => testSession.sessionId,
  requestOrigin: async () => "http://app.test",
}));

// Actions outside a request cannot set cookies; tests assert the call (the cookie itself is e2e's to see).
vi.mock("@/lib/i18n/cookie", () => ({ syncLocaleCookie: vi.fn(async () => {}) }));

process.env.SECRETS_ENCRYPTION_KEYS ??= `1:${randomBytes(32).toString("base64")}`;

const database = `ws_test_${randomBytes(6).toString("hex")}`;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${inject("templateDatabase")}"`);
  } finally {
    await admin.end();
  }
  process.env.DATABASE_URL = databaseUrl(database);
});

afterAll(async () => {
  const holder = globalThis as unknown as { __workspacesDb?: { $disconnect(): Promise<void> } };
  await holder.__workspacesDb?.$disconnect();
  holder.__workspacesDb = undefined;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
});
