import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AccountLinkButton } from "@/components/auth/account-link-button";
import { AuthShell } from "@/components/auth/auth-shell";
import { verifyEmailAction } from "@/lib/accounts/actions";
import { accountLink } from "@/lib/accounts/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.shell");
  return { title: t("verifyTitle") };
}

export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const link = await accountLink(token, "VERIFY_EMAIL");
  const t = await getTranslations("auth");
  if (!link?.usable) {
    return (
      <AuthShell title={link?.accountVerified ? t("shell.alreadyConfirmedTitle") : t("shell.deadLinkTitle")}>
        <p className="text-sm text-gray-800">
          {link?.accountVerified ? t("verify.alreadyConfirmed") : t("verify.deadLink")}{" "}
          <Link className="font-medium text-brand-text underline" href="/sign-in">
            {t("signIn.submit")}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("shell.verifyTitle")}>
      <div className="space-y-4">
        <p className="text-sm text-gray-800">
          {t.rich("verify.intro", { email: link.email, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <AccountLinkButton action={verifyEmailAction} token={token} label={t("verify.submit")} success={t("verify.done")} signedInTo="/" />
      </div>
    </AuthShell>
  );
}
