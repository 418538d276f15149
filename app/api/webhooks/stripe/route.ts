export { stripeWebhookRoute as POST } from "@/lib/billing/routes";
