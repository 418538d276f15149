export { workspaceLogoRoute as GET } from "@/lib/workspaces/routes";
