import Link from "next/link";
import { useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("pages.notFound");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-gray-700">{t("text")}</p>
      <Link href="/workspace/select" className="font-medium text-brand-text underline">
        {t("home")}
      </Link>
    </main>
  );
}
