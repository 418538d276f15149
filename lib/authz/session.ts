import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { readSession } from "@/lib/auth";
import { clientAddress, clientUserAgent } from "@/lib/http/client-address";
import { activeSession, type SessionAccount } from "@/lib/sessions/queries";
import { couldBeSlug } from "@/lib/workspaces/slug";
import type { MembershipRow } from "./membership-row";
import type { Theme } from "@/generated/prisma/enums";

/**
 * The Session row the request's cookie names (it may be revoked: ask sessionUserId who is signed in).
 * The cookie is read as Auth.js reads it, without its auth(), which also re-encrypts a cookie a page cannot
 * set (lib/auth/session-cookie).
 */
export const currentSessionId = cache(async (): Promise<string | null> => {
  const claims = await readSession(await headers());
  return typeof claims?.sid === "string" ? claims.sid : null;
});

/**
 * The signed-in user's id, once per request; null when signed out, or when the cookie's Session row was
 * revoked or expired (signed out elsewhere, password changed): such a cookie signs nobody in.
 */
export const sessionUserId = cache(async (): Promise<string | null> => (await sessionAccount())?.userId ?? null);

/**
 * The live session's user with their display preferences (theme, language) and their membership in the
 * workspace the path names: one statement, shared by the whole render (React's cache does not memoize
 * in actions and route handlers: there the pipeline calls it once and passes the result on).
 */
export const sessionAccount = cache(async (): Promise<SessionAccount | null> => {
  const sessionId = await currentSessionId();
  return sessionId ? activeSession(sessionId, await pathSlug()) : null;
});

/** The first segment of the request's path (proxy.ts sets x-request-path) when it could be a workspace's slug. */
async function pathSlug(): Promise<string | null> {
  const path = (await headers()).get("x-request-path") ?? "";
  const first = decodeURIComponentSafe(path.split(/[/?#]/)[1] ?? "").toLowerCase();
  return couldBeSlug(first) ? first : null;
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

/**
 * The session lookup's membership row for `slug` when the lookup covered that slug (null: not a member
 * there); undefined when it looked up another slug, or nobody is signed in, and the caller must ask.
 */
export function membershipRowFor(account: SessionAccount | null, slug: string): MembershipRow | null | undefined {
  if (!account || account.membershipSlug === null || account.membershipSlug !== slug.toLowerCase()) return undefined;
  return account.membership;
}

/** membershipRowFor the render's (memoized) session lookup. */
export async function sessionMembershipRow(slug: string): Promise<MembershipRow | null | undefined> {
  return membershipRowFor(await sessionAccount(), slug);
}

/**
 * The theme to render into <html> before anything paints: the account's choice, SYSTEM when signed out.
 * It rides on the session lookup every signed-in page makes anyway; a failed lookup leaves the page to
 * report its own error rather than failing the frame around it.
 */
export async function sessionTheme(): Promise<Theme> {
  return (await sessionAccount().catch(() => null))?.theme ?? "SYSTEM";
}

/** The client's address, from the right of X-Forwarded-For past the trusted proxies (lib/http/client-address). */
export async function requestIp(): Promise<string | null> {
  return clientAddress((await headers()).get("x-forwarded-for"));
}

export async function requestUserAgent(): Promise<string | null> {
  return clientUserAgent((await headers()).get("user-agent"));
}

/**
 * The origin for links in emails. APP_URL (or AUTH_URL) when set, which production should do: a Host
 * header is the caller's to choose. Without them (the demo, tests) the request's own host is used.
 */
export async function requestOrigin(): Promise<string> {
  const configured = process.env.APP_URL ?? process.env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
