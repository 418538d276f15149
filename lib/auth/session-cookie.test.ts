import { Auth } from "@auth/core";
import Credentials from "@auth/core/providers/credentials";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionCookie, usesSecureCookies } from "./session-cookie";

const CONFIG = { secret: "a test secret that is long enough", basePath: "/api/auth" };

const SECRET = CONFIG.secret;
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

async function cookieFor(name: string, claims: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) {
  return encode({ token: claims, secret: options.secret ?? SECRET, salt: name, maxAge: options.maxAge ?? 3600 });
}

function request(cookie: string, extra: Record<string, string> = {}): Headers {
  return new Headers({ host: "app.test", "x-forwarded-proto": "https", cookie, ...extra });
}

/** What Auth.js's own session endpoint answers for the same headers (auth() in a page runs exactly this). */
async function authJsSessionId(headers: Headers): Promise<string | null> {
  const proto = headers.get("x-forwarded-proto") ?? "https";
  const response = await Auth(new Request(`${proto}://${headers.get("host")}/api/auth/session`, { headers: { cookie: headers.get("cookie") ?? "" } }), {
    secret: SECRET,
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt" },
    providers: [Credentials({ credentials: {}, authorize: () => null })],
    logger: { error: () => undefined },
    callbacks: { session: ({ session, token }) => ({ ...session, sessionId: token.sid }) },
  });
  const body = (await response.json()) as { sessionId?: unknown } | null;
  return typeof body?.sessionId === "string" ? body.sessionId : null;
}

async function sessionId(headers: Headers): Promise<string | null> {
  const claims = await readSessionCookie(headers, CONFIG);
  return typeof claims?.sid === "string" ? claims.sid : null;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the session cookie, read as Auth.js reads it", () => {
  it("reads the session named by the cookie that matches the app's scheme, and Auth.js agrees", async () => {
    const cases: Headers[] = [
      request(`${SECURE}=${await cookieFor(SECURE, { sub: "u1", sid: "secure-session" })}`),
      request(`${PLAIN}=${await cookieFor(PLAIN, { sub: "u1", sid: "plain-session" })}`, { "x-forwarded-proto": "http" }),
      // A plain cookie planted beside the secure one (by a plain-HTTP page or a sibling domain) is not read on HTTPS.
      request(
        `${PLAIN}=${await cookieFor(PLAIN, { sub: "attacker", sid: "planted" })}; ${SECURE}=${await cookieFor(SECURE, { sub: "u1", sid: "mine" })}`,
      ),
      request(`${PLAIN}=${await cookieFor(PLAIN, { sub: "attacker", sid: "planted" })}`),
      // Made with another secret, or with the other cookie's key.
      request(`${SECURE}=${await cookieFor(SECURE, { sub: "u1", sid: "forged" }, { secret: "another secret entirely" })}`),
      request(`${SECURE}=${await cookieFor(PLAIN, { sub: "u1", sid: "wrong-salt" })}`),
      request(`${SECURE}=not-a-token`),
      request(""),
    ];
    const ours = await Promise.all(cases.map(sessionId));
    const theirs = await Promise.all(cases.map(authJsSessionId));
    expect(ours).toEqual(["secure-session", "plain-session", "mine", null, null, null, null, null]);
    expect(ours).toEqual(theirs);
  });

  it("joins a cookie Auth.js split into chunks", async () => {
    const token = await cookieFor(SECURE, { sub: "u1", sid: "chunked" });
    const half = Math.floor(token.length / 2);
    const headers = request(`${SECURE}.1=${token.slice(half)}; ${SECURE}.0=${token.slice(0, half)}`);
    expect(await sessionId(headers)).toBe("chunked");
    expect(await authJsSessionId(headers)).toBe("chunked");
  });

  it("refuses a tampered token, even one whose original was read before", async () => {
    const token = await cookieFor(SECURE, { sub: "u1", sid: "original" });
    expect(await sessionId(request(`${SECURE}=${token}`))).toBe("original");
    const last = token.at(-2) === "A" ? "B" : "A";
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    expect(await sessionId(request(`${SECURE}=${tampered}`))).toBeNull();
  });

  it("stops reading a token once it expires, also after it was read while live", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
    const token = await cookieFor(SECURE, { sub: "u1", sid: "short" }, { maxAge: 60 });
    const headers = request(`${SECURE}=${token}`);
    expect(await sessionId(headers)).toBe("short");
    // Within Auth.js's 15 s of clock tolerance it still counts.
    vi.setSystemTime(new Date("2026-12-01T10:01:10Z"));
    expect(await sessionId(headers)).toBe("short");
    vi.setSystemTime(new Date("2026-12-01T10:01:16Z"));
    expect(await sessionId(headers)).toBeNull();
    expect(await authJsSessionId(headers)).toBeNull();
    expect(await sessionId(headers)).toBeNull();
  });

  it("takes no bearer token, as Auth.js's session lookup takes none", async () => {
    const token = await cookieFor(SECURE, { sub: "u1", sid: "bearer" });
    expect(await sessionId(request("", { authorization: `Bearer ${token}` }))).toBeNull();
  });

  it("decides the cookie's name from AUTH_URL when it is set, else from the forwarded scheme", () => {
    const http = new Headers({ host: "app.test", "x-forwarded-proto": "http" });
    const https = new Headers({ host: "app.test", "x-forwarded-proto": "https" });
    expect(usesSecureCookies(http, CONFIG, {})).toBe(false);
    expect(usesSecureCookies(https, CONFIG, {})).toBe(true);
    expect(usesSecureCookies(new Headers({ host: "app.test" }), CONFIG, {})).toBe(true);
    expect(usesSecureCookies(http, CONFIG, { AUTH_URL: "https://app.test" })).toBe(true);
    expect(usesSecureCookies(https, CONFIG, { AUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(usesSecureCookies(new Headers({ host: "app.test", "x-forwarded-proto": "no scheme" }), CONFIG, {})).toBe(true);
  });
});
