export { exportTransactionsRoute as GET } from "@/lib/billing/routes";
