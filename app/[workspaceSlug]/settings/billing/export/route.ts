import { workspaceRoute } from "@/lib/authz/route";
import { formatMinor } from "@/lib/billing/money";
import { TransactionFilterSchema } from "@/lib/billing/schemas";
import { listTransactions } from "@/lib/billing/service";
import { csvResponse, toCsv } from "@/lib/csv";

export const GET = workspaceRoute<{ workspaceSlug: string }>({ name: "billing.export", permission: "billing.read" }, async (ctx, _params, request) => {
  const filter = TransactionFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows } = await listTransactions(ctx.workspace.id, filter, true);
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
});
