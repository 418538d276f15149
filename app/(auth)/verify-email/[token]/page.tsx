import type { Metadata } from "next";
import Link from "next/link";
import { AccountLinkButton } from "@/components/auth/account-link-button";
import { AuthShell } from "@/components/auth/auth-shell";
import { verifyEmailAction } from "@/lib/accounts/actions";
import { accountLink } from "@/lib/accounts/queries";

export const metadata: Metadata = { title: "Confirm your email address" };

export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const link = await accountLink(token, "VERIFY_EMAIL");
  if (!link?.usable) {
    return (
      <AuthShell title={link?.accountVerified ? "Address already confirmed" : "Link no longer works"}>
        <p className="text-sm text-gray-800">
          {link?.accountVerified
            ? "This email address is already confirmed."
            : "This confirmation link expired or was already used. Sign in and choose Send again for a new one."}{" "}
          <Link className="font-medium text-brand-text underline" href="/sign-in">
            Sign in
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Confirm your email address">
      <div className="space-y-4">
        <p className="text-sm text-gray-800">
          Confirm that <strong>{link.email}</strong> is your address for Workspaces.
        </p>
        <AccountLinkButton action={verifyEmailAction} token={token} label="Confirm email address" success="Email address confirmed" signedInTo="/" />
      </div>
    </AuthShell>
  );
}
