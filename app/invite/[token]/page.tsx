import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { InvitationResponse } from "@/components/members/invitation-response";
import { buttonClass } from "@/components/ui/button";
import { sessionUserId } from "@/lib/authz";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/format";
import { isAppLocale } from "@/lib/i18n/locale";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { invitationStatus } from "@/lib/invitations/status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitations.page");
  return { title: t("title") };
}

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const invitation = await findInvitationByToken(token);
  const t = await getTranslations("invitations.page");
  const p = await getTranslations("permissions");
  if (!invitation) {
    return (
      <AuthShell title={t("invalidTitle")}>
        <p className="text-sm text-gray-800">{t("invalidText")}</p>
      </AuthShell>
    );
  }
  const status = invitationStatus(invitation);
  if (status !== "pending") {
    return (
      <AuthShell title={t("unavailableTitle")}>
        <p className="text-sm text-gray-800">{t(`unavailable.${status}`, { workspace: invitation.workspace.name })}</p>
      </AuthShell>
    );
  }

  const here = `/invite/${token}`;
  const locale = await getLocale();
  const userId = await sessionUserId();
  const user = userId ? await db().user.findUnique({ where: { id: userId }, select: { email: true } }) : null;
  const summaryValues = {
    email: invitation.email,
    workspace: invitation.workspace.name,
    role: p(`roles.${invitation.role}`),
    strong: (chunks: React.ReactNode) => <strong>{chunks}</strong>,
  };
  const summary = (
    <p className="text-sm text-gray-800">
      {invitation.invitedBy ? t.rich("summary", { ...summaryValues, inviter: invitation.invitedBy.name }) : t.rich("summaryAnonymous", summaryValues)}
    </p>
  );

  return (
    <AuthShell title={t("join", { workspace: invitation.workspace.name })}>
      <div className="space-y-4">
        {summary}
        {!user ? (
          <div className="flex flex-col gap-2">
            <Link className={buttonClass("primary")} href={`/sign-up?invitation=${encodeURIComponent(token)}`}>
              {t("signUp")}
            </Link>
            <Link className={buttonClass("secondary")} href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
              {t("signIn")}
            </Link>
          </div>
        ) : user.email === invitation.email ? (
          <InvitationResponse token={token} workspaceName={invitation.workspace.name} />
        ) : (
          <div className="space-y-3">
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("otherAccount", { email: invitation.email, current: user.email })}
            </p>
            <SignOutButton callbackUrl={here} label={t("switchAccount")} className="w-full" />
          </div>
        )}
        <p className="text-xs text-gray-600">{t("expires", { when: formatDateTime(invitation.expiresAt, isAppLocale(locale) ? locale : undefined) })}</p>
      </div>
    </AuthShell>
  );
}
