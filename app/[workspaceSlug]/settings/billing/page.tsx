import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { BillingDetailsForm, ChangePlanButton, KeepPlanButton, TopUpForm } from "@/components/settings/billing-forms";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { DataTable, Td } from "@/components/ui/table";
import { requireMember, requirePermission } from "@/lib/authz";
import { queryString } from "@/lib/query-string";
import { db } from "@/lib/db";
import { invoiceLabel } from "@/lib/billing/ledger";
import { formatMinor } from "@/lib/billing/money";
import { PLAN_CAPS, PLAN_RANK, PLANS } from "@/lib/billing/plans";
import { listInvoices } from "@/lib/billing/queries";
import { InvoicePageSchema, TransactionFilterSchema, TRANSACTION_TYPES } from "@/lib/billing/schemas";
import { listTransactions, upgradeQuote } from "@/lib/billing/service";
import { ensureSubscription } from "@/lib/billing/subscription";
import { paymentProviderName } from "@/lib/billing/stripe";
import { utcDay, utcMinute } from "@/lib/dates";
import type { Plan } from "@/generated/prisma/enums";

export const metadata: Metadata = { title: "Billing" };

const TYPE_LABEL = { TOPUP: "Top-up", CHARGE: "Charge", ADJUSTMENT: "Adjustment" } as const;
const STATUS_LABEL = { ACTIVE: "Active", PAST_DUE: "Past due", CANCELLED: "No paid plan" } as const;

export default async function BillingPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/billing">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "billing.read");
  const search = await searchParams;
  const filter = TransactionFilterSchema.parse(search);
  const invoicePage = InvoicePageSchema.parse(search).invoices ?? 1;
  const slug = ctx.workspace.slug;
  const manage = ctx.can("billing.manage");
  const now = new Date();
  const [account, list, invoices] = await Promise.all([
    db().workspace.findUniqueOrThrow({
      where: { id: ctx.workspace.id },
      select: { balanceMinor: true, currency: true, plan: true, billingName: true, billingAddress: true, billingVatId: true },
    }),
    listTransactions(ctx.workspace.id, filter),
    listInvoices(ctx.workspace.id, invoicePage),
  ]);
  // A paid workspace from before subscriptions gets its first period now (the renewal pass would too).
  const subscription = await ensureSubscription(db(), { id: ctx.workspace.id, plan: account.plan }, now);
  const paid = account.plan !== "FREE" && subscription?.status !== "CANCELLED" ? subscription : null;
  const query = (page?: number) => queryString({ type: filter.type, from: filter.from, to: filter.to, page });
  const base = `/${slug}/settings/billing`;
  const money = (minor: number) => formatMinor(minor, account.currency);
  const current = PLAN_CAPS[account.plan];

  /** What the dialog of each plan's button says, from the same functions the action charges by. */
  const planChange = (plan: Plan) => {
    const caps = PLAN_CAPS[plan];
    if (PLAN_RANK[plan] < PLAN_RANK[account.plan]) {
      const end = subscription ? utcDay(subscription.currentPeriodEnd) : "the end of the period";
      return {
        confirm: {
          title: `Downgrade to ${caps.label}?`,
          description: `${current.label} stays in force until ${end}; then the workspace moves to ${caps.label}${caps.priceMinor > 0 ? `, renewing at ${money(caps.priceMinor)} a month` : ", which has no charges"}. Nothing is credited for the days left. You can keep ${current.label} until then.`,
          confirmLabel: "Schedule downgrade",
        },
        success: `Moves to ${caps.label} on ${end}`,
      };
    }
    const quote = upgradeQuote(account.plan, plan, subscription, now);
    const description = quote.fresh
      ? `${money(quote.amountMinor)} is charged from the balance now for ${utcDay(quote.periodStart)} to ${utcDay(quote.periodEnd)}; ${caps.label} then renews monthly at ${money(caps.priceMinor)}.`
      : `${money(quote.amountMinor)} is charged from the balance now: the difference for the ${quote.remaining} days left of this ${quote.days}-day period. ${caps.label} then renews on ${utcDay(quote.periodEnd)} at ${money(caps.priceMinor)} a month.`;
    return {
      confirm: { title: `Upgrade to ${caps.label}?`, description, confirmLabel: `Upgrade and pay ${money(quote.amountMinor)}` },
      success: `Now on ${caps.label}`,
    };
  };

  return (
    <div className="space-y-6">
      {!manage ? <p className="rounded-md bg-gray-100 px-3 py-2 text-sm text-gray-800">Only the owner changes the plan or tops up; you see billing read-only.</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">Balance</h2>
          <p className="mt-2 text-3xl font-semibold" data-testid="balance">{formatMinor(account.balanceMinor, account.currency)}</p>
          <p className="text-sm text-gray-700">Prepaid, in {account.currency}. Upgrades and monthly renewals are charged from it.</p>
        </Card>
        {manage ? (
          <Card>
            <h2 className="text-lg font-semibold">Top up</h2>
            <div className="mt-2"><TopUpForm slug={slug} testMoney={paymentProviderName() === "demo"} /></div>
          </Card>
        ) : null}
      </div>
      <section aria-labelledby="subscription-heading">
        <Card className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="subscription-heading" className="text-lg font-semibold">Subscription</h2>
            <span className="font-medium">{current.label}</span>
            <Badge>{paid ? STATUS_LABEL[paid.status] : "Free"}</Badge>
          </div>
          {!paid ? (
            <p className="text-sm text-gray-700">
              The Free plan has no charges. An upgrade starts a monthly period now and charges the plan&apos;s price from the balance; it then renews each month.
              {subscription?.lapsedFromPlan && subscription.lapsedAt ? (
                <> The workspace fell back to Free on {utcDay(subscription.lapsedAt)} when its {PLAN_CAPS[subscription.lapsedFromPlan].label} renewal went unpaid; nothing was deleted, and what exceeds Free is read-only.</>
              ) : null}
            </p>
          ) : (
            <>
              <p className="text-sm text-gray-700" data-testid="subscription-period">
                Current period {utcDay(paid.currentPeriodStart)} to {utcDay(paid.currentPeriodEnd)} (UTC).{" "}
                {paid.status === "PAST_DUE" && paid.graceEndsAt
                  ? `The renewal of ${money(PLAN_CAPS[paid.scheduledPlan ?? account.plan].priceMinor)} is unpaid: top up by ${utcDay(paid.graceEndsAt)} and it renews within a minute; otherwise the workspace falls back to Free then.`
                  : paid.scheduledPlan
                    ? null
                    : `Renews on ${utcDay(paid.currentPeriodEnd)} for ${money(current.priceMinor)} from the balance.`}
              </p>
              {paid.scheduledPlan ? (
                <div className="flex flex-wrap items-center gap-3">
                  <p className="text-sm text-gray-800">
                    Moves to <strong>{PLAN_CAPS[paid.scheduledPlan].label}</strong> on {utcDay(paid.currentPeriodEnd)}
                    {PLAN_CAPS[paid.scheduledPlan].priceMinor > 0 ? `, renewing at ${money(PLAN_CAPS[paid.scheduledPlan].priceMinor)}` : ""}.
                  </p>
                  {manage ? <KeepPlanButton slug={slug} label={current.label} /> : null}
                </div>
              ) : null}
            </>
          )}
          <p className="text-xs text-gray-600">
            Upgrades take effect at once and charge the price difference for the days left of the period; downgrades take effect at the period&apos;s end,
            with no credit.
          </p>
        </Card>
      </section>
      <section aria-labelledby="plans-heading" className="space-y-2">
        <h2 id="plans-heading" className="text-lg font-semibold">Plans</h2>
        <DataTable caption="Plan comparison" headers={["Plan", "Price / month", "Members", "Projects", "Servers", "Instances", "Backups", "Workspaces you may own", ""]}>
          {PLANS.map((plan) => {
            const caps = PLAN_CAPS[plan];
            const change = manage && plan !== account.plan ? planChange(plan) : null;
            return (
              <tr key={plan} className={plan === account.plan ? "bg-indigo-50" : undefined}>
                <Td>
                  <span className="font-medium">{caps.label}</span> {plan === account.plan ? <Badge>Current</Badge> : null}
                  {paid && plan === paid.scheduledPlan ? <Badge className="ml-1">From {utcDay(paid.currentPeriodEnd)}</Badge> : null}
                </Td>
                <Td>{formatMinor(caps.priceMinor)}</Td>
                <Td>{caps.quotas.MEMBERS}</Td>
                <Td>{caps.quotas.PROJECTS}</Td>
                <Td>{caps.quotas.SERVERS}</Td>
                <Td>{caps.quotas.INSTANCES}</Td>
                <Td>{caps.quotas.BACKUPS}</Td>
                <Td>{caps.ownedWorkspaces}</Td>
                <Td>
                  {change && plan !== paid?.scheduledPlan ? (
                    <ChangePlanButton slug={slug} plan={plan} label={caps.label} upgrade={PLAN_RANK[plan] > PLAN_RANK[account.plan]} {...change} />
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </DataTable>
      </section>
      <section aria-labelledby="invoices-heading" className="space-y-3">
        <h2 id="invoices-heading" className="text-lg font-semibold">Invoices <span className="text-sm font-normal text-gray-600">({invoices.total})</span></h2>
        {invoices.total === 0 ? (
          <p className="text-sm text-gray-700">No invoices yet: each upgrade and renewal charged from the balance gets one.</p>
        ) : (
          <DataTable caption="Invoices" headers={["Number", "Issued", "Description", "Amount", ""]}>
            {invoices.rows.map((invoice) => {
              const label = invoiceLabel(invoice.number);
              return (
                <tr key={invoice.id}>
                  <Td>{label}</Td>
                  <Td>{utcDay(invoice.issuedAt)}</Td>
                  <Td>{invoice.description}</Td>
                  <Td>{formatMinor(invoice.amountMinor, invoice.currency)}</Td>
                  <Td>
                    <a className="font-medium text-gray-900 underline" href={`${base}/invoices/${invoice.id}`} download aria-label={`Download ${label} as PDF`}>
                      PDF
                    </a>
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <Pagination
          label="Invoice pages"
          page={invoices.page}
          pageCount={invoices.pageCount}
          href={(n) => `${base}?${queryString({ type: filter.type, from: filter.from, to: filter.to, page: filter.page, invoices: n })}`}
        />
      </section>
      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold">Billing details</h2>
        <Card>
          {manage ? (
            <>
              <p className="mb-3 text-sm text-gray-700">Printed on the invoices issued from now on; an issued invoice keeps the details it was made with.</p>
              <BillingDetailsForm slug={slug} legalName={account.billingName} address={account.billingAddress} vatId={account.billingVatId} />
            </>
          ) : (
            <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium text-gray-800">Legal name</dt>
              <dd>{account.billingName || "—"}</dd>
              <dt className="font-medium text-gray-800">Billing address</dt>
              <dd className="whitespace-pre-line">{account.billingAddress || "—"}</dd>
              <dt className="font-medium text-gray-800">VAT id</dt>
              <dd>{account.billingVatId || "—"}</dd>
            </dl>
          )}
        </Card>
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <h2 id="history-heading" className="text-lg font-semibold">Transactions <span className="text-sm font-normal text-gray-600">({list.total})</span></h2>
          <a className={buttonClass("secondary")} href={`${base}/export?${query()}`} download>Export CSV</a>
        </div>
        <FilterBar
          base={base}
          values={{ type: filter.type, from: filter.from, to: filter.to }}
          filters={[
            { name: "type", label: "Type", kind: "select", options: TRANSACTION_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t] })) },
            { name: "from", label: "From", kind: "date" },
            { name: "to", label: "To", kind: "date" },
          ]}
        />
        <DataTable caption="Transactions" headers={["Date", "Type", "Description", "Amount", "Balance after", "Status"]}>
          {list.rows.map((t) => (
            <tr key={t.id}>
              <Td>{utcMinute(t.createdAt)}</Td>
              <Td>{TYPE_LABEL[t.type]}{t.isTest ? <Badge className="ml-1">Test</Badge> : null}</Td>
              <Td>{t.description}</Td>
              <Td><span className={t.amountMinor < 0 ? "text-red-800" : "text-green-800"}>{formatMinor(t.amountMinor, t.currency)}</span></Td>
              <Td>{t.balanceAfterMinor === null ? "—" : formatMinor(t.balanceAfterMinor, t.currency)}</Td>
              <Td>{t.status.toLowerCase()}</Td>
            </tr>
          ))}
        </DataTable>
        <Pagination label="Transaction pages" page={list.page} pageCount={list.pageCount} href={(n) => `${base}?${query(n)}`} />
      </section>
    </div>
  );
}
