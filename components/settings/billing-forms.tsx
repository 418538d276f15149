"use client";

import { useTranslations } from "next-intl";
import { cancelScheduledChangeAction, changePlanAction } from "@/lib/billing/actions";
import { ActionButton } from "@/components/resources/action-button";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import type { Plan } from "@/generated/prisma/enums";
import { lazyNamed } from "@/components/ui/lazy-named";

// The top-up and billing-details forms (react-hook-form, their dialog, later zod) load on their button's
// first pointer-over, focus or click; the page shows the balance and the details as text.
const loadDialogs = () => import("./billing-dialogs");
const TopUpDialog = lazyNamed(loadDialogs, "TopUpDialog");
const BillingDetailsDialog = lazyNamed(loadDialogs, "BillingDetailsDialog");

export function TopUpButton({ slug, testMoney }: { slug: string; testMoney: boolean }) {
  const t = useTranslations("billing.forms");
  return (
    <LazyDialogButton preload={loadDialogs} dialog={(close) => <TopUpDialog slug={slug} testMoney={testMoney} close={close} />}>
      {t("topUpButton")}
    </LazyDialogButton>
  );
}

/** Opens the form of the legal name, address and VAT id printed on the invoices issued from now on. */
export function EditBillingDetailsButton({ slug, details }: { slug: string; details: { legalName: string; address: string; vatId: string } }) {
  const t = useTranslations("billing.forms");
  return (
    <LazyDialogButton variant="secondary" preload={loadDialogs} dialog={(close) => <BillingDetailsDialog slug={slug} details={details} close={close} />}>
      {t("editDetails")}
    </LazyDialogButton>
  );
}

/**
 * Upgrade or schedule a downgrade, after a dialog that says what it costs now (the page computes the
 * prorated amount with the same function the action charges by) or when it takes effect.
 */
export function ChangePlanButton({
  slug,
  plan,
  label,
  upgrade,
  confirm,
  success,
}: {
  slug: string;
  plan: Plan;
  label: string;
  upgrade: boolean;
  confirm: { title: string; description: string; confirmLabel: string };
  success: string;
}) {
  const t = useTranslations("billing.forms");
  return (
    <ActionButton
      action={changePlanAction}
      slug={slug}
      input={{ plan }}
      variant={upgrade ? "primary" : "secondary"}
      label={t("switchTo", { plan: label })}
      confirm={confirm}
      success={success}
    >
      {upgrade ? t("upgrade") : t("downgrade")}
    </ActionButton>
  );
}

/** Drops a scheduled downgrade: the current plan renews as before. */
export function KeepPlanButton({ slug, label }: { slug: string; label: string }) {
  const t = useTranslations("billing.forms");
  return (
    <ActionButton action={cancelScheduledChangeAction} slug={slug} input={{}} success={t("stays", { plan: label })}>
      {t("keep", { plan: label })}
    </ActionButton>
  );
}
