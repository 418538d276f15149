export { invoicePdfRoute as GET } from "@/lib/billing/routes";
