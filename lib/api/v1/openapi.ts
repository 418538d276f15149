import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { PERMISSIONS } from "@/lib/authz/permissions";
import type { ApiOperationSpec } from "@/lib/authz/api";
import { API_OPERATIONS } from "./operations";

/**
 * The OpenAPI 3.1 document of /api/v1, made from the operations themselves: their paths, permissions
 * and the zod schemas that parse their input and shape their output. Nothing here is written twice.
 */

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(["UNAUTHENTICATED", "NOT_FOUND", "FORBIDDEN", "INVALID", "CONFLICT", "UNPROCESSABLE", "LIMIT", "INTERNAL"]),
    errors: z.record(z.string(), z.string()).optional().meta({ description: "Field errors, keyed by the field's name." }),
    permission: z.string().optional().meta({ description: "On 403: the permission the key lacks." }),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem document." });

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });

const RATE_LIMIT_HEADERS = {
  RateLimit: { description: 'What is left of the key\'s window: `"per-key";r=<remaining>;t=<seconds to reset>`.', schema: { type: "string" as const } },
  "RateLimit-Policy": { description: 'The key\'s quota: `"per-key";q=<requests>;w=<window seconds>`.', schema: { type: "string" as const } },
};

function describe(spec: ApiOperationSpec): string {
  const needs =
    spec.permission === "member"
      ? "Any member's key; the resource must be inside the key creator's allow-lists."
      : `Needs the permission \`${spec.permission}\` (${PERMISSIONS[spec.permission].label}).`;
  return [spec.description, needs].filter(Boolean).join("\n\n");
}

function operationObject(spec: ApiOperationSpec): ZodOpenApiOperationObject {
  const status = String(spec.status ?? 200);
  const success =
    spec.response && status !== "204"
      ? { description: "OK", headers: RATE_LIMIT_HEADERS, content: { "application/json": { schema: spec.response } } }
      : { description: "Done; no content.", headers: RATE_LIMIT_HEADERS };
  return {
    operationId: spec.name,
    tags: [spec.tag],
    summary: spec.summary,
    description: describe(spec),
    requestParams: {
      ...(spec.params ? { path: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.method === "POST"
        ? {
            header: z.object({
              "Idempotency-Key": z
                .string()
                .max(255)
                .optional()
                .meta({ description: "Makes a retry safe: the same key with the same request replays the first response for 24 hours." }),
            }),
          }
        : {}),
    },
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
    responses: {
      [status]: success,
      "400": problemResponse("The input is not valid; `errors` names each field."),
      "401": problemResponse("No key, or a key that is unknown, revoked or expired, or whose creator left the workspace."),
      "403": problemResponse("The key lacks a permission; `permission` names it."),
      ...(spec.params ? { "404": problemResponse("Not found in this workspace (or not visible to the key).") } : {}),
      ...(spec.method !== "GET" ? { "409": problemResponse("The resource is not in a state that allows this.") } : {}),
      ...(spec.method === "POST" ? { "422": problemResponse("The Idempotency-Key was used with a different request.") } : {}),
      "429": problemResponse("Too many requests with this key; see Retry-After."),
    },
  };
}

export function openApiDocument(serverUrl = "/api/v1") {
  const paths: ZodOpenApiPathsObject = {};
  for (const { spec } of API_OPERATIONS) {
    const item = (paths[spec.path] ??= {});
    (item as Record<string, ZodOpenApiOperationObject>)[spec.method.toLowerCase()] = operationObject(spec);
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Workspaces API",
        version: "1.0.0",
        description:
          "A workspace's members, invitations, resources, audit log, quotas and billing. Authenticate with an API key from Settings → API keys, sent as `Authorization: Bearer wsk_…`. A key acts for its creator with at most their current permissions; read-only keys only read. Errors are RFC 9457 problem documents.",
      },
      servers: [{ url: serverUrl }],
      security: [{ apiKey: [] }],
      components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: wsk_ followed by 40 characters." } } },
      paths,
    },
    {
      // Dates leave as JSON strings: the document says so rather than "a date", which JSON has not.
      override: ({ jsonSchema, zodSchema }) => {
        if (zodSchema._zod.def.type === "date") {
          jsonSchema.type = "string";
          jsonSchema.format = "date-time";
        }
      },
    },
  );
}
