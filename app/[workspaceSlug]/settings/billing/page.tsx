import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { ChangePlanButton, TopUpForm } from "@/components/settings/billing-forms";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FilterBar } from "@/components/ui/filter-bar";
import { DataTable, Td } from "@/components/ui/table";
import { requireMember, requirePermission } from "@/lib/authz";
import { queryString } from "@/lib/query-string";
import { db } from "@/lib/db";
import { formatMinor } from "@/lib/billing/money";
import { PLAN_CAPS, PLAN_RANK, PLANS } from "@/lib/billing/plans";
import { TransactionFilterSchema, TRANSACTION_TYPES } from "@/lib/billing/schemas";
import { listTransactions } from "@/lib/billing/service";
import { paymentProviderName } from "@/lib/billing/stripe";
import { utcMinute } from "@/lib/dates";

export const metadata: Metadata = { title: "Billing" };

const TYPE_LABEL = { TOPUP: "Top-up", CHARGE: "Charge", ADJUSTMENT: "Adjustment" } as const;

export default async function BillingPage({
  params,
  searchParams,
}: PageProps<"/[workspaceSlug]/settings/billing">) {
  const { workspaceSlug } = await params;
  const ctx = await requireMember(workspaceSlug);
  requirePermission(ctx, "billing.read");
  const filter = TransactionFilterSchema.parse(await searchParams);
  const slug = ctx.workspace.slug;
  const manage = ctx.can("billing.manage");
  const [account, list] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { id: ctx.workspace.id }, select: { balanceMinor: true, currency: true, plan: true } }),
    listTransactions(ctx.workspace.id, filter),
  ]);
  const query = (page?: number) => queryString({ type: filter.type, from: filter.from, to: filter.to, page });
  const base = `/${slug}/settings/billing`;
  return (
    <div className="space-y-6">
      {!manage ? <p className="rounded-md bg-gray-100 px-3 py-2 text-sm text-gray-800">Only the owner changes the plan or tops up; you see billing read-only.</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">Balance</h2>
          <p className="mt-2 text-3xl font-semibold" data-testid="balance">{formatMinor(account.balanceMinor, account.currency)}</p>
          <p className="text-sm text-gray-700">Prepaid, in {account.currency}. Plan upgrades are charged from it.</p>
        </Card>
        {manage ? (
          <Card>
            <h2 className="text-lg font-semibold">Top up</h2>
            <div className="mt-2"><TopUpForm slug={slug} testMoney={paymentProviderName() === "demo"} /></div>
          </Card>
        ) : null}
      </div>
      <section aria-labelledby="plans-heading" className="space-y-2">
        <h2 id="plans-heading" className="text-lg font-semibold">Plans</h2>
        <DataTable caption="Plan comparison" headers={["Plan", "Price / month", "Members", "Projects", "Servers", "Instances", "Backups", "Workspaces you may own", ""]}>
          {PLANS.map((plan) => {
            const caps = PLAN_CAPS[plan];
            return (
              <tr key={plan} className={plan === account.plan ? "bg-indigo-50" : undefined}>
                <Td><span className="font-medium">{caps.label}</span> {plan === account.plan ? <Badge>Current</Badge> : null}</Td>
                <Td>{formatMinor(caps.priceMinor)}</Td>
                <Td>{caps.quotas.MEMBERS}</Td>
                <Td>{caps.quotas.PROJECTS}</Td>
                <Td>{caps.quotas.SERVERS}</Td>
                <Td>{caps.quotas.INSTANCES}</Td>
                <Td>{caps.quotas.BACKUPS}</Td>
                <Td>{caps.ownedWorkspaces}</Td>
                <Td>{manage && plan !== account.plan ? <ChangePlanButton slug={slug} plan={plan} label={caps.label} upgrade={PLAN_RANK[plan] > PLAN_RANK[account.plan]} /> : null}</Td>
              </tr>
            );
          })}
        </DataTable>
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
