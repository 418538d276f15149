export { memberPermissionChoicesRoute as GET } from "@/lib/members/routes";
