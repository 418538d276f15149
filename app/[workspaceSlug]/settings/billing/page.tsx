import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { KeysetPagination } from "@/components/ui/pagination";
import { countLabel } from "@/lib/api/pagination";
import { ChangePlanButton, EditBillingDetailsButton, KeepPlanButton, TopUpButton } from "@/components/settings/billing-forms";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { DataTable, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireMember, requirePermission } from "@/lib/authz";
import { queryString } from "@/lib/query-string";
import { invoiceLabel } from "@/lib/billing/ledger";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import { PLAN_CAPS, PLAN_RANK, PLANS } from "@/lib/billing/plans";
import { billingOverview } from "@/lib/billing/queries";
import { InvoicePageSchema, TransactionFilterSchema, TRANSACTION_TYPES } from "@/lib/billing/schemas";
import { upgradeQuote } from "@/lib/billing/service";
import { paymentProviderName } from "@/lib/billing/stripe";
import type { Plan } from "@/generated/prisma/enums";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.page");
  return { title: t("title") };
}

export default async function BillingPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/billing">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "billing.read");
  const search = await searchParams;
  const filter = TransactionFilterSchema.parse(search);
  const invoiceLink = InvoicePageSchema.parse(search);
  const slug = ctx.workspace.slug;
  const manage = ctx.can("billing.manage");
  const now = new Date();
  // One statement; a GET writes nothing (a missing subscription reads as the period an upgrade would start).
  const { account, subscription, transactions: list, invoices } = await billingOverview(
    ctx.workspace.id,
    filter,
    { after: invoiceLink.invoicesAfter, before: invoiceLink.invoicesBefore },
    now,
  );
  const paid = account.plan !== "FREE" && subscription?.status !== "CANCELLED" ? subscription : null;
  const query = (link: { after?: string; before?: string } = {}) => queryString({ type: filter.type, from: filter.from, to: filter.to, ...link });
  const base = `/${slug}/settings/billing`;
  const t = await getTranslations("billing.page");
  const b = await getTranslations("billing");
  const c = await getTranslations("billing.change");
  const f = await getTranslations("billing.forms");
  const testMoney = paymentProviderName() === "demo";
  const locale = await getLocale();
  const money = (minor: number) => formatMoney(minor, account.currency, locale);
  const day = (date: Date) => formatDate(date, locale);
  const current = PLAN_CAPS[account.plan];
  const currentLabel = b(`plans.${account.plan}`);
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

  /** What the dialog of each plan's button says, from the same functions the action charges by. */
  const planChange = (plan: Plan) => {
    const caps = PLAN_CAPS[plan];
    const label = b(`plans.${plan}`);
    if (PLAN_RANK[plan] < PLAN_RANK[account.plan]) {
      const end = subscription ? day(subscription.currentPeriodEnd) : c("endOfPeriod");
      const values = { plan: label, current: currentLabel, end, price: money(caps.priceMinor) };
      return {
        confirm: {
          title: c("downgradeTitle", { plan: label }),
          description: caps.priceMinor > 0 ? c("downgradeDescription", values) : c("downgradeDescriptionFree", values),
          confirmLabel: c("downgradeConfirm"),
        },
        success: c("downgradeSuccess", { plan: label, end }),
      };
    }
    const quote = upgradeQuote(account.plan, plan, subscription, now);
    const amount = money(quote.amountMinor);
    const description = quote.fresh
      ? c("upgradeFresh", { amount, start: day(quote.periodStart), end: day(quote.periodEnd), plan: label, price: money(caps.priceMinor) })
      : c("upgradeProrated", { amount, remaining: quote.remaining, days: quote.days, plan: label, end: day(quote.periodEnd), price: money(caps.priceMinor) });
    return {
      confirm: { title: c("upgradeTitle", { plan: label }), description, confirmLabel: c("upgradeConfirm", { amount }) },
      success: c("upgradeSuccess", { plan: label }),
    };
  };

  return (
    <div className="space-y-6">
      {!manage ? <p className="rounded-md bg-gray-100 px-3 py-2 text-sm text-gray-800">{t("readOnly")}</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("balanceHeading")}</h2>
          <p className="mt-2 text-3xl font-semibold" data-testid="balance">{money(account.balanceMinor)}</p>
          <p className="text-sm text-gray-700">{t("balanceNote", { currency: account.currency })}</p>
        </Card>
        {manage ? (
          <Card>
            <h2 className="text-lg font-semibold">{t("topUpHeading")}</h2>
            <p className="mt-2 text-sm text-gray-700">{testMoney ? f("demoProvider") : f("stripe")}</p>
            <div className="mt-3"><TopUpButton slug={slug} testMoney={testMoney} /></div>
          </Card>
        ) : null}
      </div>
      <section aria-labelledby="subscription-heading">
        <Card className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="subscription-heading" className="text-lg font-semibold">{t("subscriptionHeading")}</h2>
            <span className="font-medium">{currentLabel}</span>
            <Badge>{paid ? b(`status.${paid.status}`) : t("free")}</Badge>
          </div>
          {!paid ? (
            <p className="text-sm text-gray-700">
              {t("freeNote")}
              {subscription?.lapsedFromPlan && subscription.lapsedAt ? (
                <> {t("lapsed", { day: day(subscription.lapsedAt), plan: b(`plans.${subscription.lapsedFromPlan}`) })}</>
              ) : null}
            </p>
          ) : (
            <>
              <p className="text-sm text-gray-700" data-testid="subscription-period">
                {t("period", { start: day(paid.currentPeriodStart), end: day(paid.currentPeriodEnd) })}{" "}
                {paid.status === "PAST_DUE" && paid.graceEndsAt
                  ? t("pastDue", { price: money(PLAN_CAPS[paid.scheduledPlan ?? account.plan].priceMinor), day: day(paid.graceEndsAt) })
                  : paid.scheduledPlan
                    ? null
                    : t("renews", { day: day(paid.currentPeriodEnd), price: money(current.priceMinor) })}
              </p>
              {paid.scheduledPlan ? (
                <div className="flex flex-wrap items-center gap-3">
                  <p className="text-sm text-gray-800">
                    {PLAN_CAPS[paid.scheduledPlan].priceMinor > 0
                      ? t.rich("movesToRenewing", { strong, plan: b(`plans.${paid.scheduledPlan}`), day: day(paid.currentPeriodEnd), price: money(PLAN_CAPS[paid.scheduledPlan].priceMinor) })
                      : t.rich("movesTo", { strong, plan: b(`plans.${paid.scheduledPlan}`), day: day(paid.currentPeriodEnd) })}
                  </p>
                  {manage ? <KeepPlanButton slug={slug} label={currentLabel} /> : null}
                </div>
              ) : null}
            </>
          )}
          <p className="text-xs text-gray-600">
            {t("changeRules")}
          </p>
        </Card>
      </section>
      <section aria-labelledby="plans-heading" className="space-y-2">
        <h2 id="plans-heading" className="text-lg font-semibold">{t("plansHeading")}</h2>
        <DataTable
          caption={t("plansCaption")}
          headers={[
            t("planHeaders.plan"),
            t("planHeaders.price"),
            t("planHeaders.members"),
            t("planHeaders.projects"),
            t("planHeaders.servers"),
            t("planHeaders.instances"),
            t("planHeaders.backups"),
            t("planHeaders.ownedWorkspaces"),
            "",
          ]}
        >
          {PLANS.map((plan) => {
            const caps = PLAN_CAPS[plan];
            const change = manage && plan !== account.plan ? planChange(plan) : null;
            return (
              <tr key={plan} className={plan === account.plan ? "bg-indigo-50" : undefined}>
                <Td>
                  <span className="font-medium">{b(`plans.${plan}`)}</span> {plan === account.plan ? <Badge>{t("current")}</Badge> : null}
                  {paid && plan === paid.scheduledPlan ? <Badge className="ml-1">{t("from", { day: day(paid.currentPeriodEnd) })}</Badge> : null}
                </Td>
                <Td>{formatMoney(caps.priceMinor, "USD", locale)}</Td>
                <Td>{caps.quotas.MEMBERS}</Td>
                <Td>{caps.quotas.PROJECTS}</Td>
                <Td>{caps.quotas.SERVERS}</Td>
                <Td>{caps.quotas.INSTANCES}</Td>
                <Td>{caps.quotas.BACKUPS}</Td>
                <Td>{caps.ownedWorkspaces}</Td>
                <Td>
                  {change && plan !== paid?.scheduledPlan ? (
                    <ChangePlanButton slug={slug} plan={plan} label={b(`plans.${plan}`)} upgrade={PLAN_RANK[plan] > PLAN_RANK[account.plan]} {...change} />
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </DataTable>
      </section>
      <section aria-labelledby="invoices-heading" className="space-y-3">
        <h2 id="invoices-heading" className="text-lg font-semibold">{t("invoicesHeading")} <span className="text-sm font-normal text-gray-600">({countLabel(invoices.total)})</span></h2>
        {invoices.total === 0 ? (
          <p className="text-sm text-gray-700">{t("noInvoices")}</p>
        ) : (
          <DataTable caption={t("invoicesCaption")} headers={[t("invoiceHeaders.number"), t("invoiceHeaders.issued"), t("invoiceHeaders.description"), t("invoiceHeaders.amount"), ""]}>
            {invoices.rows.map((invoice) => {
              const label = invoiceLabel(invoice.number);
              return (
                <tr key={invoice.id}>
                  <Td>{label}</Td>
                  <Td>{day(invoice.issuedAt)}</Td>
                  <Td>{invoice.description}</Td>
                  <Td>{formatMoney(invoice.amountMinor, invoice.currency, locale)}</Td>
                  <Td>
                    <a className="font-medium text-gray-900 underline" href={`${base}/invoices/${invoice.id}`} download aria-label={t("downloadPdf", { invoice: label })}>
                      {t("pdf")}
                    </a>
                  </Td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <KeysetPagination
          label={t("invoicePages")}
          previousHref={invoices.previous ? `${base}?${queryString({ type: filter.type, from: filter.from, to: filter.to, after: filter.after, before: filter.before, invoicesBefore: invoices.previous })}` : null}
          nextHref={invoices.next ? `${base}?${queryString({ type: filter.type, from: filter.from, to: filter.to, after: filter.after, before: filter.before, invoicesAfter: invoices.next })}` : null}
        />
      </section>
      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="text-lg font-semibold">{t("detailsHeading")}</h2>
        <Card>
          {manage ? <p className="mb-3 text-sm text-gray-700">{t("detailsNote")}</p> : null}
          <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="billing-details">
            <dt className="font-medium text-gray-800">{t("legalName")}</dt>
            <dd>{account.billingName || "—"}</dd>
            <dt className="font-medium text-gray-800">{t("billingAddress")}</dt>
            <dd className="whitespace-pre-line">{account.billingAddress || "—"}</dd>
            <dt className="font-medium text-gray-800">{t("vatId")}</dt>
            <dd>{account.billingVatId || "—"}</dd>
          </dl>
          {manage ? (
            <div className="mt-3">
              <EditBillingDetailsButton slug={slug} details={{ legalName: account.billingName, address: account.billingAddress, vatId: account.billingVatId }} />
            </div>
          ) : null}
        </Card>
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <h2 id="history-heading" className="text-lg font-semibold">{t("transactionsHeading")} <span className="text-sm font-normal text-gray-600">({countLabel(list.total)})</span></h2>
          <a className={buttonClass("secondary")} href={`${base}/export?${query()}`} download>{t("exportCsv")}</a>
        </div>
        <FilterBar
          base={base}
          values={{ type: filter.type, from: filter.from, to: filter.to }}
          filters={[
            { name: "type", label: t("filterType"), kind: "select", options: TRANSACTION_TYPES.map((type) => ({ value: type, label: b(`types.${type}`) })) },
            { name: "from", label: t("filterFrom"), kind: "date" },
            { name: "to", label: t("filterTo"), kind: "date" },
          ]}
        />
        {list.rows.length === 0 ? (
          <EmptyState title={filter.type || filter.from || filter.to ? t("noMatchTitle") : t("noTransactionsTitle")}>
            {filter.type || filter.from || filter.to ? t("noMatch") : t("noTransactions")}
          </EmptyState>
        ) : (
        <DataTable
          caption={t("transactionsCaption")}
          headers={[
            t("transactionHeaders.date"),
            t("transactionHeaders.type"),
            t("transactionHeaders.description"),
            t("transactionHeaders.amount"),
            t("transactionHeaders.balanceAfter"),
            t("transactionHeaders.status"),
          ]}
        >
          {list.rows.map((row) => (
            <tr key={row.id}>
              <Td>{formatDateTime(row.createdAt, locale)}</Td>
              <Td>{b(`types.${row.type}`)}{row.isTest ? <Badge className="ml-1">{t("test")}</Badge> : null}</Td>
              <Td>{row.description}</Td>
              <Td><span className={row.amountMinor < 0 ? "text-red-800" : "text-green-800"}>{formatMoney(row.amountMinor, row.currency, locale)}</span></Td>
              <Td>{row.balanceAfterMinor === null ? "—" : formatMoney(row.balanceAfterMinor, row.currency, locale)}</Td>
              <Td>{b(`transactionStatus.${row.status}`)}</Td>
            </tr>
          ))}
        </DataTable>
        )}
        <KeysetPagination
          label={t("transactionPages")}
          previousHref={list.previous ? `${base}?${query({ before: list.previous })}` : null}
          nextHref={list.next ? `${base}?${query({ after: list.next })}` : null}
        />
      </section>
    </div>
  );
}
