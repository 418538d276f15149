export { teamGrantOptionsRoute as GET } from "@/lib/teams/routes";
