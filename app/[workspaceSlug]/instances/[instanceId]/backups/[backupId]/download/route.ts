export { downloadBackupRoute as GET } from "@/lib/resources/routes";
