import Stripe from "stripe";

/**
 * The Stripe SDK when STRIPE_SECRET_KEY is set. STRIPE_API_BASE (e.g. http://127.0.0.1:4010) points it
 * at another host, which is how the tests run it against a local fake.
 */
export function stripeClient(): Stripe | null {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const base = process.env.STRIPE_API_BASE ? new URL(process.env.STRIPE_API_BASE) : null;
  return new Stripe(key, {
    maxNetworkRetries: 1,
    timeout: 10_000,
    telemetry: false,
    ...(base ? { host: base.hostname, port: base.port || undefined, protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
  });
}

export function paymentProviderName(): "stripe" | "demo" {
  return process.env.STRIPE_SECRET_KEY ? "stripe" : "demo";
}
