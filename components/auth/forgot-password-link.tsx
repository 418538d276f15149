import Link from "next/link";
import { useTranslations } from "next-intl";

/** "Forgot password?" on the sign-in page; kept apart so the sign-in form can place it by its password field. */
export function ForgotPasswordLink({ className }: { className?: string }) {
  const t = useTranslations("auth.signIn");
  return (
    <Link className={className ?? "text-sm font-medium text-brand-text underline"} href="/forgot-password">
      {t("forgotPassword")}
    </Link>
  );
}
