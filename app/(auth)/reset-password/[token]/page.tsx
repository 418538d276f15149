import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { accountLink } from "@/lib/accounts/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.shell");
  return { title: t("resetTitle") };
}

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const link = await accountLink(token, "RESET_PASSWORD");
  const t = await getTranslations("auth");
  if (!link?.usable) {
    return (
      <AuthShell title={t("shell.deadLinkTitle")}>
        <p className="text-sm text-gray-800">
          {t.rich("reset.deadLink", {
            link: (chunks) => (
              <Link className="font-medium text-brand-text underline" href="/forgot-password">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("shell.resetTitle")}>
      <ResetPasswordForm token={token} email={link.email} />
    </AuthShell>
  );
}
