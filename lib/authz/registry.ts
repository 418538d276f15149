import type { PermissionKey } from "./permissions";

export type ActionScope = "public" | "user" | "workspace" | "route" | "platform";

export interface RegisteredAction {
  name: string;
  scope: ActionScope;
  /** "member" means any member of the workspace; absent for public and user-scoped actions. */
  permission?: PermissionKey | "member";
}

/**
 * Every server action registers itself here through the factories, so a test can list them all
 * and fail when one has no row in the authorization matrix.
 */
export const actionRegistry = new Map<string, RegisteredAction>();

export function registerAction(action: RegisteredAction): void {
  const existing = actionRegistry.get(action.name);
  if (existing && JSON.stringify(existing) !== JSON.stringify(action)) {
    throw new Error(`Two server actions are registered as "${action.name}"`);
  }
  actionRegistry.set(action.name, action);
}
