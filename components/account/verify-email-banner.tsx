import { useTranslations } from "next-intl";
import { ResendVerificationButton } from "@/components/account/resend-verification-button";

/**
 * Shown wherever a signed-in person with an unconfirmed address lands (a workspace, the workspace list,
 * the account page) until they open the link; nothing otherwise. Render it inside the page's landmark.
 * The caller passes what it already loaded (a workspace page has it from the membership statement), so
 * the banner costs no query of its own.
 */
export function VerifyEmailBanner({ account }: { account: { email: string; emailVerified: boolean } | null }) {
  const t = useTranslations("account.verifyBanner");
  if (!account || account.emailVerified) return null;
  return (
    <div
      role="region"
      aria-label={t("label")}
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p>
        {t.rich("text", { email: account.email, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <ResendVerificationButton />
    </div>
  );
}
