import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSection } from "@/components/account/language-section";
import { EmailSection } from "@/components/account/email-section";
import { PasswordSection } from "@/components/account/password-section";
import { SecurityLog } from "@/components/account/security-log";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { SessionsSection } from "@/components/account/sessions-section";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { SessionProfileMenu } from "@/components/account/session-profile-menu";
import { ThemeSection } from "@/components/account/theme-section";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireUserId } from "@/lib/authz";
import { currentSessionId, sessionTheme } from "@/lib/authz/session";
import { accountOverview } from "@/lib/accounts/queries";
import { isAppLocale } from "@/lib/i18n/locale";
import { listSecurityEvents } from "@/lib/security-log/queries";
import { listSessions } from "@/lib/sessions/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** The person's own settings, the same in every workspace: email, password, 2FA, sessions, security log. */
export default async function AccountPage() {
  const userId = await requireUserId();
  const t = await getTranslations("account");
  const [account, sessions, events, sessionId] = await Promise.all([
    accountOverview(userId),
    listSessions(userId),
    listSecurityEvents(userId),
    currentSessionId(),
  ]);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-12">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-gray-700">
            {account.name} · {account.email}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Link href="/workspace/select" className="text-sm font-medium text-gray-900 underline">
            {t("yourWorkspaces")}
          </Link>
          <SignOutButton />
          <SessionProfileMenu />
        </div>
      </div>
      <VerifyEmailBanner account={{ email: account.email, emailVerified: account.emailVerifiedAt !== null }} />
      <EmailSection account={account} />
      <PasswordSection />
      <TwoFactorSection account={account} />
      <LanguageSection locale={isAppLocale(account.locale) ? account.locale : null} />
      <ThemeSection theme={await sessionTheme()} />
      <SessionsSection sessions={sessions} currentSessionId={sessionId} />
      <SecurityLog events={events} />
    </main>
  );
}
