export { apiReferenceLabelsRoute as GET } from "@/lib/api/v1/routes";
