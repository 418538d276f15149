import type { PermissionKey } from "./permissions";
import type { Scope } from "./types";

export type EndpointKind = "action" | "route" | "api";

export interface RegisteredEndpoint {
  name: string;
  kind: EndpointKind;
  scope: Scope;
  /** "member" means any member of the workspace; absent outside the workspace scope. */
  permission?: PermissionKey | "member";
}

/**
 * Every entry point registers itself here through the pipeline, so a test can list them all and fail
 * when one has no row in the authorization matrix.
 */
export const endpointRegistry = new Map<string, RegisteredEndpoint>();

export function registerEndpoint(endpoint: RegisteredEndpoint): void {
  const existing = endpointRegistry.get(endpoint.name);
  if (existing && JSON.stringify(existing) !== JSON.stringify(endpoint)) {
    throw new Error(`Two entry points are registered as "${endpoint.name}"`);
  }
  endpointRegistry.set(endpoint.name, endpoint);
}
