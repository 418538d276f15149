export { exportWorkspaceRoute as GET } from "@/lib/workspaces/routes";
