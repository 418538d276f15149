export { listWorkspacesRoute as GET } from "@/lib/workspaces/routes";
