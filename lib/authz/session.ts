import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { auth } from "@/lib/auth";
import { clientAddress, clientUserAgent } from "@/lib/http/client-address";
import { activeSessionUser } from "@/lib/sessions/queries";

/** The Session row the request's cookie names (it may be revoked: ask sessionUserId who is signed in). */
export const currentSessionId = cache(async (): Promise<string | null> => (await auth())?.sessionId ?? null);

/**
 * The signed-in user's id, once per request; null when signed out, or when the cookie's Session row was
 * revoked or expired (signed out elsewhere, password changed): such a cookie signs nobody in.
 */
export const sessionUserId = cache(async (): Promise<string | null> => {
  const sessionId = await currentSessionId();
  return sessionId ? activeSessionUser(sessionId) : null;
});

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
