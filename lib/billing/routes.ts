import Stripe from "stripe";
import { publicRoute, workspaceRoute } from "@/lib/authz/route";
import { formatMinor } from "@/lib/billing/money";
import { renderInvoicePdf } from "@/lib/billing/invoice-pdf";
import { invoiceLabel } from "@/lib/billing/ledger";
import { invoiceOf } from "@/lib/billing/queries";
import { InvoiceRouteSchema, TransactionFilterSchema } from "@/lib/billing/schemas";
import { completeStripeTopUp, exportTransactions, failStripeTopUp } from "@/lib/billing/service";
import { csvResponse, toCsv } from "@/lib/csv";
import { Refusal } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/request-locale";

export const exportTransactionsRoute = workspaceRoute(
  { name: "billing.export", permission: "billing.read", input: TransactionFilterSchema },
  async (ctx, filter) => {
    const rows = await exportTransactions(ctx.workspace.id, filter);
    const body = toCsv([
      ["date", "type", "status", "description", "amount", "balance_after", "currency", "amount_minor", "balance_after_minor", "test"],
      ...rows.map((t) => [
        t.createdAt.toISOString(),
        t.type,
        t.status,
        t.description,
        formatMinor(t.amountMinor, t.currency),
        t.balanceAfterMinor === null ? "" : formatMinor(t.balanceAfterMinor, t.currency),
        t.currency,
        t.amountMinor,
        t.balanceAfterMinor,
        t.isTest ? "yes" : "no",
      ]),
    ]);
    return csvResponse(`${ctx.workspace.slug}-transactions.csv`, body);
  },
);

/** One invoice of this workspace as a PDF; another workspace's invoice id is not found. */
export const invoicePdfRoute = workspaceRoute(
  { name: "billing.invoicePdf", permission: "billing.read", input: InvoiceRouteSchema },
  async (ctx, { invoiceId }, request) => {
    const invoice = await invoiceOf(ctx.workspace.id, invoiceId);
    if (!invoice) throw Refusal.notFound("That invoice");
    const pdf = await renderInvoicePdf(invoice, ctx.workspace, requestLocale(request));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-length": String(pdf.length),
        "content-disposition": `attachment; filename="${ctx.workspace.slug}-${invoiceLabel(invoice.number).toLowerCase()}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  },
);

/** Stripe's signed webhook: only an event whose signature verifies with STRIPE_WEBHOOK_SECRET is read. */
export const stripeWebhookRoute = publicRoute({ name: "webhooks.stripe" }, async (_ctx, _input, request) => {
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
  // Stripe delivers at least once and in no promised order: each event moves a PENDING top-up at most
  // once (completeStripeTopUp and failStripeTopUp lock it and read its status first), so a replay, or a
  // late "completed (unpaid)" after its "async payment succeeded", changes nothing.
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      const transactionId = session.metadata?.transactionId ?? session.client_reference_id;
      if (transactionId && session.payment_status === "paid") await completeStripeTopUp(transactionId, session.amount_total ?? null);
      break;
    }
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const session = event.data.object;
      const transactionId = session.metadata?.transactionId ?? session.client_reference_id;
      if (transactionId) await failStripeTopUp(transactionId, event.type === "checkout.session.expired" ? "expired" : "payment_failed");
      break;
    }
  }
  return Response.json({ received: true });
});
