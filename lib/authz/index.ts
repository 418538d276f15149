export { requireMember, requirePermission, requireUserId, loadWorkspaceContext } from "./context";
export { platformAction, publicAction, userAction, workspaceAction } from "./action";
export { publicRoute, userRoute, workspaceRoute } from "./route";
export { sessionUserId } from "./session";
export type * from "./types";
export * from "./permissions";
