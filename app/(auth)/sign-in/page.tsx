import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { ForgotPasswordLink } from "@/components/auth/forgot-password-link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { sessionUserId } from "@/lib/authz";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.shell");
  return { title: t("signInPageTitle") };
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const query = await searchParams;
  // A repeated parameter arrives as an array; only a single value is honoured.
  const callbackUrl = typeof query.callbackUrl === "string" ? query.callbackUrl : undefined;
  const safe = callbackUrl ? safeCallbackPath(callbackUrl) : undefined;
  // Links that confirm an address or reset a password come back here with the address to sign in with.
  const email = typeof query.email === "string" && query.email.length <= 254 && !query.email.includes("\0") ? query.email : undefined;
  if (await sessionUserId()) redirect(safe ?? "/");
  const t = await getTranslations("auth.shell");
  return (
    <AuthShell title={t("signInTitle")}>
      <SignInForm callbackUrl={safe} email={email} />
      <p className="mt-4 text-center">
        <ForgotPasswordLink />
      </p>
    </AuthShell>
  );
}
