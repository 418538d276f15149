import SwaggerParser from "@apidevtools/swagger-parser";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, renderApiTypes } from "@/scripts/lib/api-types";
import { API_OPERATIONS } from "./operations";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document by a maintained validator", async () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    // validate() dereferences in place: hand it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    // The validator is not a formality: the same document with a parameter in a place 3.1 has none fails.
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, { parameters?: unknown[] }>> };
    broken.paths["/workspace"]!.get!.parameters = [{ name: "x", in: "body", schema: { type: "string" } }];
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });

  it("describes every operation the router serves, with its permission", () => {
    const document = openApiDocument();
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string; description?: string }>).map(([method, op]) => ({ path, method, ...op })),
    );
    expect(documented.map((d) => d.operationId).sort()).toEqual(API_OPERATIONS.map((o) => o.spec.name).sort());
    for (const { spec } of API_OPERATIONS) {
      const entry = documented.find((d) => d.operationId === spec.name)!;
      expect(entry).toMatchObject({ path: spec.path, method: spec.method.toLowerCase() });
      if (spec.permission !== "member") expect(entry.description).toContain(`\`${spec.permission}\``);
    }
  });

  it("matches the checked-in client types (run npm run api:types after changing an operation)", async () => {
    expect(readFileSync(API_TYPES_FILE, "utf8")).toBe(await renderApiTypes());
  });
});
