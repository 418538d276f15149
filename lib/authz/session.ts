import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { auth } from "@/lib/auth";
import { clientAddress } from "@/lib/http/client-address";

/** The signed-in user's id from the session token, once per request; null when signed out. */
export const sessionUserId = cache(async (): Promise<string | null> => {
  const session = await auth();
  return session?.user?.id ?? null;
});

/** The client's address, from the right of X-Forwarded-For past the trusted proxies (lib/http/client-address). */
export async function requestIp(): Promise<string | null> {
  return clientAddress((await headers()).get("x-forwarded-for"));
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
