"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/**
 * What a page shows when rendering it failed on the server (the database restarting, say). Production
 * never sends the error's message or stack to the browser, only a digest that matches the server's log
 * line; "Try again" renders the page anew, which works as soon as the cause has passed.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("pages.error");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <title>{`${t("title")} · Workspaces`}</title>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-gray-700">{t("text")}</p>
      {digest && <p className="text-sm text-gray-700">{t("reference", { digest })}</p>}
      <button type="button" className={buttonClass("primary")} onClick={() => retry()}>
        {t("retry")}
      </button>
    </main>
  );
}
