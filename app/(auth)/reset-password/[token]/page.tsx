import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { accountLink } from "@/lib/accounts/queries";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const link = await accountLink(token, "RESET_PASSWORD");
  if (!link?.usable) {
    return (
      <AuthShell title="Link no longer works">
        <p className="text-sm text-gray-800">
          This password reset link expired or was already used. Links work once, for one hour.{" "}
          <Link className="font-medium text-brand-text underline" href="/forgot-password">
            Ask for a new link
          </Link>
          .
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Choose a new password">
      <ResetPasswordForm token={token} email={link.email} />
    </AuthShell>
  );
}
