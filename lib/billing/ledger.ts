import type { Tx } from "@/lib/db";
import { emitAlert } from "@/lib/alerting/rules";
import { Refusal } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { LockedWorkspace } from "@/lib/workspaces/lock";
import type { Plan, TransactionType } from "@/generated/prisma/client";
import { formatMinor } from "./money";

/**
 * The balance's ledger: every completed movement of money is one BillingTransaction with the balance
 * after it, and every charge has its invoice. The caller holds the workspace lock (lockWorkspace), so
 * the balance read under it, and the invoice counter, cannot be raced.
 */

export interface LedgerEntry {
  type: TransactionType;
  amountMinor: number;
  description: string;
  provider: string;
  isTest: boolean;
  idempotencyKey: string;
  createdById: string | null;
}

/** Moves the balance and writes the ledger row with the balance after it; refuses to go below zero. */
export async function post(tx: Tx, workspace: LockedWorkspace, entry: LedgerEntry, now = new Date()) {
  const { balanceMinor, currency } = workspace;
  const after = balanceMinor + entry.amountMinor;
  if (after < 0) throw new Refusal("LIMIT", messageKey("errors.billing.balanceTooLow", { balance: formatMinor(balanceMinor, currency), amount: formatMinor(-entry.amountMinor, currency) }));
  await tx.workspace.update({ where: { id: workspace.id }, data: { balanceMinor: after } });
  // The locked copy follows the row, so a second entry in the same transaction starts from the new balance.
  workspace.balanceMinor = after;
  if (entry.amountMinor < 0) await emitAlert(tx, workspace, { kind: "BALANCE_BELOW", balanceMinor: after, currency });
  return tx.billingTransaction.create({
    data: { workspaceId: workspace.id, currency, status: "COMPLETED", balanceAfterMinor: after, createdAt: now, completedAt: now, ...entry },
  });
}

export interface Charge {
  /** What is charged, positive, in minor units. */
  amountMinor: number;
  description: string;
  plan: Plan;
  periodStart: Date;
  periodEnd: Date;
  idempotencyKey: string;
  createdById: string | null;
}

/**
 * Charges the balance and issues the charge's invoice in the same transaction. The number comes from
 * the workspace row's counter, raised by this transaction while it holds the row's lock: concurrent
 * charges take 1, 2, 3… one after the other, and a charge that rolls back takes its number with it, so
 * numbers have no gap and no duplicate (a sequence would leave gaps). The billing details are copied as
 * they are now: editing them later does not rewrite an issued invoice.
 */
export async function chargeWithInvoice(tx: Tx, workspace: LockedWorkspace, charge: Charge, now = new Date()) {
  const transaction = await post(
    tx,
    workspace,
    {
      type: "CHARGE",
      amountMinor: -charge.amountMinor,
      description: charge.description,
      provider: "balance",
      isTest: false,
      idempotencyKey: charge.idempotencyKey,
      createdById: charge.createdById,
    },
    now,
  );
  const issuer = await tx.workspace.update({
    where: { id: workspace.id },
    data: { invoiceCounter: { increment: 1 } },
    select: { invoiceCounter: true, billingName: true, billingAddress: true, billingVatId: true },
  });
  const invoice = await tx.invoice.create({
    data: {
      workspaceId: workspace.id,
      number: issuer.invoiceCounter,
      transactionId: transaction.id,
      amountMinor: charge.amountMinor,
      currency: workspace.currency,
      description: charge.description,
      plan: charge.plan,
      periodStart: charge.periodStart,
      periodEnd: charge.periodEnd,
      billingName: issuer.billingName,
      billingAddress: issuer.billingAddress,
      billingVatId: issuer.billingVatId,
      issuedAt: now,
    },
  });
  return { transaction, invoice };
}

/** "INV-0007": how an invoice's number is shown, on the page, in its file name and in the PDF. */
export function invoiceLabel(number: number): string {
  return `INV-${String(number).padStart(4, "0")}`;
}
