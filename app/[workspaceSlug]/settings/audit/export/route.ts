export { exportAuditRoute as GET } from "@/lib/audit/routes";
