export { requireMember, requirePermission, requireUserId, loadWorkspaceContext } from "./context";
export type { WorkspaceContext } from "./context";
export { platformAction, publicAction, userAction, workspaceAction } from "./action";
export type { UserActionContext, WorkspaceActionContext } from "./action";
export { sessionUserId } from "./session";
export * from "./permissions";
