import type { Metadata } from "next";
import Link from "next/link";
import { AccountLinkButton } from "@/components/auth/account-link-button";
import { AuthShell } from "@/components/auth/auth-shell";
import { confirmEmailChangeAction } from "@/lib/accounts/actions";
import { accountLink } from "@/lib/accounts/queries";

export const metadata: Metadata = { title: "Confirm your new email address" };

export default async function ConfirmEmailPage({ params }: PageProps<"/confirm-email/[token]">) {
  const { token } = await params;
  const link = await accountLink(token, "CHANGE_EMAIL");
  if (!link?.usable) {
    return (
      <AuthShell title="Link no longer works">
        <p className="text-sm text-gray-800">
          This link expired, was already used, or was replaced by a newer request. Ask again from your account page.{" "}
          <Link className="font-medium text-brand-text underline" href="/account">
            Open your account
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Confirm your new email address">
      <div className="space-y-4">
        <p className="text-sm text-gray-800">
          Your account&apos;s email address becomes <strong>{link.email}</strong>: you sign in with it from now on.
        </p>
        <AccountLinkButton
          action={confirmEmailChangeAction}
          token={token}
          label="Confirm new address"
          success="Email address changed"
          signedInTo="/account"
        />
      </div>
    </AuthShell>
  );
}
