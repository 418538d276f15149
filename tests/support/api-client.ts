import createClient from "openapi-fetch";
import type { paths } from "@/lib/api/v1/openapi-types";
import type { ApiMethod } from "@/lib/authz/api";
import { apiHandlers } from "@/lib/api/v1/router";
import { newApiKeySecret } from "@/lib/api-keys/token";
import { db } from "@/lib/db";

/**
 * The typed API client the tests call the API with: openapi-fetch over the types generated from the
 * OpenAPI document, so a route that changes shape without its document fails the type check. Requests
 * go to the route handlers in process, exactly as Next would hand them over.
 */
export function apiClient(secret: string | null, headers: Record<string, string> = {}) {
  return createClient<paths>({
    baseUrl: "http://app.test/api/v1",
    headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...headers },
    fetch: (request: Request) => apiHandlers[request.method as ApiMethod](request),
  });
}

/** A raw request to the API, for what the typed client would refuse to send (bad JSON, unknown paths). */
export function apiRequest(path: string, init: RequestInit & { secret?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.secret) headers.set("authorization", `Bearer ${init.secret}`);
  const request = new Request(`http://app.test/api/v1${path}`, { ...init, headers });
  return apiHandlers[request.method as ApiMethod](request);
}

/**
 * A key stored as the dashboard would store it, for tests that need a key of any shape (a Developer's
 * write key, one already expired). `lastUsedAt` is set so a request within the minute writes nothing.
 */
export async function makeApiKey(
  workspaceId: string,
  createdById: string,
  access: "READ" | "WRITE",
  options: { expiresAt?: Date; revokedAt?: Date; name?: string; fresh?: boolean } = {},
) {
  const { secret, prefix, secretHash } = newApiKeySecret();
  const key = await db().apiKey.create({
    data: {
      workspaceId,
      createdById,
      access,
      name: options.name ?? `${access.toLowerCase()} key`,
      prefix,
      secretHash,
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revokedAt ?? null,
      lastUsedAt: options.fresh ? null : new Date(),
    },
  });
  return { id: key.id, secret };
}
