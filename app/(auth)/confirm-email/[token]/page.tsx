import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AccountLinkButton } from "@/components/auth/account-link-button";
import { AuthShell } from "@/components/auth/auth-shell";
import { confirmEmailChangeAction } from "@/lib/accounts/actions";
import { accountLink } from "@/lib/accounts/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.shell");
  return { title: t("confirmTitle") };
}

export default async function ConfirmEmailPage({ params }: PageProps<"/confirm-email/[token]">) {
  const { token } = await params;
  const link = await accountLink(token, "CHANGE_EMAIL");
  const t = await getTranslations("auth");
  if (!link?.usable) {
    return (
      <AuthShell title={t("shell.deadLinkTitle")}>
        <p className="text-sm text-gray-800">
          {t("confirmChange.deadLink")}{" "}
          <Link className="font-medium text-brand-text underline" href="/account">
            {t("confirmChange.openAccount")}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("shell.confirmTitle")}>
      <div className="space-y-4">
        <p className="text-sm text-gray-800">
          {t.rich("confirmChange.intro", { email: link.email, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <AccountLinkButton
          action={confirmEmailChangeAction}
          token={token}
          label={t("confirmChange.submit")}
          success={t("confirmChange.done")}
          signedInTo="/account"
        />
      </div>
    </AuthShell>
  );
}
