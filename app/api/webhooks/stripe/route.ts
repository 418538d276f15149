import Stripe from "stripe";
import { publicRoute } from "@/lib/authz/route";
import { completeStripeTopUp } from "@/lib/billing/service";

/** Stripe's signed webhook: only an event whose signature verifies with STRIPE_WEBHOOK_SECRET is read. */
export const POST = publicRoute({ name: "webhooks.stripe" }, async (request) => {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  const signature = request.headers.get("stripe-signature");
  if (!secret || !signature) return Response.json({ error: "Missing signature" }, { status: 400 });
  const payload = await request.text();
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, secret);
  } catch {
    return Response.json({ error: "Invalid signature" }, { status: 400 });
  }
  if (event.type === "checkout.session.completed") {
    const session = event.data.object;
    const transactionId = session.metadata?.transactionId ?? session.client_reference_id;
    if (transactionId && session.payment_status === "paid") {
      await completeStripeTopUp(transactionId, session.amount_total ?? null);
    }
  }
  return Response.json({ received: true });
});
