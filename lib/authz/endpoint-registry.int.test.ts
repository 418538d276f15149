import { describe, expect, it } from "vitest";
import { discoverEndpoints } from "@/tests/support/discover";
import { endpointRegistry } from "./registry";

describe("server actions and route handlers", () => {
  it("are every one built by an authz factory, so none can skip its check", async () => {
    const endpoints = await discoverEndpoints();
    expect(endpoints.length).toBeGreaterThan(20);
    for (const endpoint of endpoints) {
      expect(endpoint.name, `${endpoint.file} exports ${endpoint.exportName} without lib/authz`).toBeTypeOf("string");
      expect(endpointRegistry.has(endpoint.name!)).toBe(true);
    }
  });
});
