import { ResendVerificationButton } from "@/components/account/resend-verification-button";
import { emailVerification } from "@/lib/accounts/queries";

/**
 * Shown wherever a signed-in person with an unconfirmed address lands (a workspace, the workspace list,
 * the account page) until they open the link; nothing otherwise. Render it inside the page's landmark.
 */
export async function VerifyEmailBanner({ userId }: { userId: string }) {
  const account = await emailVerification(userId);
  if (!account || account.emailVerifiedAt) return null;
  return (
    <div
      role="region"
      aria-label="Email confirmation"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>
        Confirm your email address: open the link we sent to <strong>{account.email}</strong>.
      </p>
      <ResendVerificationButton />
    </div>
  );
}
