import "server-only";
import { createActionURL } from "@auth/core";
import type { NextAuthConfig } from "next-auth";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** The parts of the Auth.js configuration (as NextAuth() completed it from the environment) that name and open the cookie. */
export type SessionCookieConfig = Pick<NextAuthConfig, "secret" | "basePath" | "useSecureCookies">;

/**
 * The session cookie's claims, read the way Auth.js's own session lookup reads them: the same cookie name
 * (`__Secure-` when the app's URL is HTTPS), the same chunks, the same secret and key derivation, the same
 * expiry. Auth.js's `auth()` runs its whole session endpoint for that: it decrypts the cookie, then
 * encrypts a renewed one that a page can never set, about 2 ms of crypto on every request. This decrypts
 * once per cookie value and remembers the result until the token expires.
 *
 * Only the Cookie header is read: getToken would also take an `Authorization: Bearer` token, which Auth.js
 * never accepts for a page.
 */
export async function readSessionCookie(requestHeaders: Headers, config: SessionCookieConfig): Promise<JWT | null> {
  if (!config.secret) throw new Error("AUTH_SECRET is not set: no session can be read");
  return getToken({
    req: { headers: new Headers({ cookie: requestHeaders.get("cookie") ?? "" }) },
    secret: config.secret,
    secureCookie: usesSecureCookies(requestHeaders, config),
    decode: decodeRemembered,
  });
}

/**
 * Whether Auth.js names its cookies `__Secure-`, decided as its session lookup decides: by the URL it builds
 * for its own endpoint (AUTH_URL when set, else X-Forwarded-Proto, which Next always sets). A different
 * answer would read the other cookie, one that a plain-HTTP page or a sibling domain can plant.
 */
export function usesSecureCookies(
  requestHeaders: Headers,
  config: SessionCookieConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (config.useSecureCookies !== undefined) return config.useSecureCookies;
  try {
    return createActionURL("session", requestHeaders.get("x-forwarded-proto") ?? "https", requestHeaders, env, config).protocol === "https:";
  } catch {
    // A scheme or host no URL can hold (a junk X-Forwarded-Proto): Auth.js's lookup would throw and the page
    // answer 500. The secure name is the one nobody can plant, so a caller who sent junk is simply signed out.
    return true;
  }
}

/** Every browser of a busy instance, with room to spare; the oldest entry goes first. */
const REMEMBERED_LIMIT = 2000;
const remembered = new Map<string, { secret: string; claims: JWT }>();

/**
 * Auth.js's decode, once per token: the same ciphertext under the same key always decrypts to the same
 * claims, so a second request with that cookie only needs the expiry checked again (as jose does, with
 * Auth.js's 15 s of tolerance). Revocation is not the cookie's business: the Session row is checked on
 * every request (lib/sessions).
 */
async function decodeRemembered(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, salt } = params;
  if (!token) return null;
  const secret = Array.isArray(params.secret) ? params.secret.join("\n") : params.secret;
  const key = `${salt}\n${token}`;
  const known = remembered.get(key);
  if (known && known.secret === secret) {
    if (isLive(known.claims)) return known.claims;
    remembered.delete(key);
    return null;
  }
  const claims = await decode(params);
  if (!claims) return null;
  if (remembered.size >= REMEMBERED_LIMIT) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, { secret, claims: Object.freeze(claims) });
  return claims;
}

const CLOCK_TOLERANCE_SECONDS = 15;

function isLive(claims: JWT, now = Math.floor(Date.now() / 1000)): boolean {
  if (typeof claims.exp === "number" && claims.exp <= now - CLOCK_TOLERANCE_SECONDS) return false;
  if (typeof claims.nbf === "number" && claims.nbf > now + CLOCK_TOLERANCE_SECONDS) return false;
  return true;
}
