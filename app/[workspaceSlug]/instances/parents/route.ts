export { instanceParentsRoute as GET } from "@/lib/resources/routes";
