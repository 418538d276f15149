import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { sessionUserId } from "@/lib/authz";
import { findInvitationByToken } from "@/lib/invitations/queries";
import { invitationStatus } from "@/lib/invitations/status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.shell");
  return { title: t("signUpPageTitle") };
}

export default async function SignUpPage({
  searchParams,
}: PageProps<"/sign-up">) {
  const query = await searchParams;
  // A repeated parameter arrives as an array; only a single value is honoured.
  const callbackUrl = typeof query.callbackUrl === "string" ? query.callbackUrl : undefined;
  const token = typeof query.invitation === "string" ? query.invitation : undefined;
  const safe = callbackUrl ? safeCallbackPath(callbackUrl) : undefined;
  if (await sessionUserId()) redirect(token ? `/invite/${encodeURIComponent(token)}` : (safe ?? "/"));
  const invitation = token ? await findInvitationByToken(token) : null;
  const t = await getTranslations("auth");
  const usable = invitation && invitationStatus(invitation) === "pending" ? invitation : null;
  return (
    <AuthShell title={usable ? t("shell.joinTitle", { workspace: usable.workspace.name }) : t("shell.signUpTitle")}>
      {token && !usable ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("signUp.invitationUnusable")}
        </p>
      ) : null}
      <SignUpForm
        callbackUrl={safe}
        invitation={usable ? { token: token!, email: usable.email, workspaceName: usable.workspace.name } : undefined}
      />
    </AuthShell>
  );
}
